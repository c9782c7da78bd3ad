package io.newsflow.enrich.topics.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The weighted cue words and URL hints of each IPTC top-level topic, parsed from {@code lexicon.txt}. */
public final class TopicLexicon {

    /** One category with its cues. */
    public record Category(String code, String label, Map<String, Double> cues, Set<String> hints) {
    }

    private final List<Category> categories;

    private TopicLexicon(List<Category> categories) {
        this.categories = List.copyOf(categories);
    }

    /** The categories in file order. */
    public List<Category> categories() {
        return categories;
    }

    /** Parses the bundled lexicon. */
    public static TopicLexicon load() {
        String name = "/io/newsflow/enrich/topics/lexicon.txt";
        try (InputStream in = TopicLexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing topic lexicon " + name);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read topic lexicon", e);
        }
    }

    private static TopicLexicon parse(BufferedReader reader) throws IOException {
        List<Category> out = new ArrayList<>();
        Map<String, Double> cues = null;
        Set<String> hints = null;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.startsWith("= ")) {
                String[] head = t.substring(2).split(" ", 2);
                cues = new HashMap<>();
                hints = new HashSet<>();
                out.add(new Category(head[0], head[1], cues, hints));
            } else if (cues == null) {
                throw new IllegalStateException("Cue line before any category: " + t);
            } else if (t.startsWith("hint ")) {
                for (String h : t.substring(5).split("\\s+")) {
                    hints.add(h.toLowerCase(Locale.ROOT));
                }
            } else {
                addCues(t, cues);
            }
        }
        return new TopicLexicon(out);
    }

    private static void addCues(String line, Map<String, Double> cues) {
        for (String item : line.split("\\s+")) {
            int colon = item.lastIndexOf(':');
            String word = colon > 0 ? item.substring(0, colon) : item;
            double weight = colon > 0 ? Double.parseDouble(item.substring(colon + 1)) : 1.0;
            cues.put(word.replace('_', ' ').toLowerCase(Locale.ROOT), weight);
        }
    }
}
