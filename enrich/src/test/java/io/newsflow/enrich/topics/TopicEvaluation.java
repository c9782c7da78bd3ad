package io.newsflow.enrich.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints top-topic accuracy of the default classifier on the hand-labelled benchmark articles, with and
 * without the URL as a hint (labels come partly from URL sections, so the text-only figure is the honest one).
 * Argument: path to {@code extraction-benchmark/ground-truth.json} (default {@code ../shared/...}).
 */
public final class TopicEvaluation {

    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("arts", "medtop:01000000"), Map.entry("crime", "medtop:02000000"),
            Map.entry("disaster", "medtop:03000000"), Map.entry("economy", "medtop:04000000"),
            Map.entry("education", "medtop:05000000"), Map.entry("environment", "medtop:06000000"),
            Map.entry("health", "medtop:07000000"), Map.entry("human", "medtop:08000000"),
            Map.entry("labour", "medtop:09000000"), Map.entry("lifestyle", "medtop:10000000"),
            Map.entry("politics", "medtop:11000000"), Map.entry("religion", "medtop:12000000"),
            Map.entry("science", "medtop:13000000"), Map.entry("society", "medtop:14000000"),
            Map.entry("sport", "medtop:15000000"), Map.entry("conflict", "medtop:16000000"),
            Map.entry("weather", "medtop:17000000"));

    private TopicEvaluation() {
    }

    /** Runs the evaluation and prints the figures. */
    public static void main(String[] args) throws IOException {
        Path gt = Path.of(args.length > 0 ? args[0] : "../shared/extraction-benchmark/ground-truth.json");
        JsonNode root = new ObjectMapper().readTree(Files.readString(gt, StandardCharsets.UTF_8));
        TopicClassifier classifier = LexiconTopicClassifier.fromClasspath();
        boolean verbose = Boolean.getBoolean("verbose");
        int n = 0;
        int[] strict = new int[2];
        int[] accepted = new int[2];
        for (String line : labels().split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            JsonNode doc = find(root, f[0]);
            String text = doc.get("articleBody").asText();
            String url = doc.get("url").asText();
            n++;
            for (int withUrl = 0; withUrl < 2; withUrl++) {
                List<Topic> topics = classifier.classify(null, text, withUrl == 1 ? url : null, null, null);
                String top = topics.isEmpty() ? "none" : topics.get(0).code();
                boolean ok = top.equals(KEYS.get(f[1]));
                boolean alt = ok || f.length > 2 && List.of(f[2].split(",")).stream().anyMatch(k -> top.equals(KEYS.get(k)));
                strict[withUrl] += ok ? 1 : 0;
                accepted[withUrl] += alt ? 1 : 0;
                if (verbose && !ok && withUrl == 0) {
                    System.out.printf("MISS %s want=%s got=%s%n", f[0], f[1], topics.isEmpty() ? "none" : topics.get(0).label());
                }
            }
        }
        System.out.printf(Locale.ROOT, "articles=%d%n", n);
        System.out.printf(Locale.ROOT, "text only : top-topic accuracy %.3f (primary label), %.3f (primary or accepted alternative)%n",
                strict[0] / (double) n, accepted[0] / (double) n);
        System.out.printf(Locale.ROOT, "text + URL: top-topic accuracy %.3f (primary label), %.3f (primary or accepted alternative)%n",
                strict[1] / (double) n, accepted[1] / (double) n);
    }

    private static JsonNode find(JsonNode root, String prefix) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (k.startsWith(prefix)) {
                return root.get(k);
            }
        }
        throw new IllegalArgumentException("No benchmark article " + prefix);
    }

    private static String labels() {
        try (InputStream in = TopicEvaluation.class.getResourceAsStream("/eval/topics/labels.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
