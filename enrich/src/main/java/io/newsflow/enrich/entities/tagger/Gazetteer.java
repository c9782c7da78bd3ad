package io.newsflow.enrich.entities.tagger;

import io.newsflow.enrich.entities.internal.Lexicon;
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

/**
 * Marks which tokens of a sentence fall inside a name the word lists know, as evidence for the tagger to weigh
 * (never a decision: "Turkey" the country and "turkey" the bird both match, and the model learns how much a
 * match is worth next to the token's case and context). Matching ignores case so that all-caps headlines match.
 */
final class Gazetteer {

    /**
     * Bits 0..15: list times place in the match (B, I, L, U). The lists: places (countries, regions, major
     * cities), organisations (incl. teams), nationalities, and GeoNames' populated places (large and noisy: a
     * weak cue the model weighs on its own).
     */
    static final int LISTS = 6;
    private static final int PLACES = 0;
    private static final int ORGANIZATIONS = 1;
    private static final int NATIONALITIES = 2;
    private static final int GEONAMES = 3;
    private static final int PEOPLE = 4;
    private static final int EVENTS_AND_WORKS = 5;
    /** Mask of the list bits. */
    static final int LIST_BITS = (1 << (LISTS * 4)) - 1;
    /** Bit set on a token that is a given name. */
    static final int GIVEN = 1 << 24;
    /** Bit set on a token that is a surname. */
    static final int SURNAME = 1 << 25;
    /** Bit set on a token that is an honorific, title, role or occupation word. */
    static final int TITLE = 1 << 26;
    /** Number of bits in use. */
    static final int BITS = 27;
    private static final String BASE = "/io/newsflow/enrich/entities/tagger/";

    /** Per listed name (lower case, words joined by one space): a bit per list it is on. */
    private final Map<String, Integer> names = new HashMap<>();
    /** Every proper prefix of a listed name, so a lookup stops as soon as no name can match. */
    private final Set<String> prefixes = new HashSet<>();
    private final Set<String> firsts = new HashSet<>();
    private final Set<String> given = new HashSet<>();
    private final Set<String> surnames = new HashSet<>();
    private final Set<String> titles = new HashSet<>();

    private Gazetteer() {
    }

    /** The gazetteer of the bundled word lists: Newsflow's own and the third-party ones (see the README). */
    static Gazetteer of(Lexicon lexicon) {
        Gazetteer g = new Gazetteer();
        lexicon.locationNames().forEach(n -> g.add(n, PLACES));
        lexicon.organizationNames().forEach(n -> g.add(n, ORGANIZATIONS));
        lexicon.demonymWords().forEach(n -> g.add(n, NATIONALITIES));
        lexicon.givenNameWords().forEach(n -> g.given.add(lower(n)));
        lexicon.titleWords().forEach(n -> g.titles.add(lower(n)));
        lines("compromise-places.txt").forEach(n -> g.add(n, PLACES));
        lines("compromise-organizations.txt").forEach(n -> g.add(n, ORGANIZATIONS));
        lines("geonames-places.txt").forEach(n -> g.add(n, GEONAMES));
        lines("compromise-given-names.txt").forEach(n -> g.given.add(lower(n)));
        lines("compromise-surnames.txt").forEach(n -> g.surnames.add(lower(n)));
        lines("compromise-roles.txt").forEach(n -> g.titles.add(lower(n)));
        for (String row : lines("wordnet-names.txt")) {
            String kind = row.substring(0, row.indexOf('\t'));
            String name = row.substring(row.indexOf('\t') + 1);
            switch (kind) {
                case "PER" -> {
                    g.add(name, PEOPLE);
                    String[] parts = lower(name).split("\\s+");
                    if (parts.length > 1) {
                        g.surnames.add(parts[parts.length - 1]);
                    }
                }
                case "LOC" -> g.add(name, PLACES);
                case "ORG" -> g.add(name, ORGANIZATIONS);
                default -> g.add(name, EVENTS_AND_WORKS);
            }
        }
        return g;
    }

    private static List<String> lines(String file) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Gazetteer.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing word list " + BASE + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read word list " + file, e);
        }
        return out;
    }

    private void add(String name, int list) {
        String[] words = lower(name).strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return;
        }
        String joined = String.join(" ", words);
        names.merge(joined, 1 << list, (a, b) -> a | b);
        firsts.add(words[0]);
        for (int k = joined.indexOf(' '); k > 0; k = joined.indexOf(' ', k + 1)) {
            prefixes.add(joined.substring(0, k));
        }
    }

    /** Bits of one word on its own: given name, surname, title. */
    int single(String lower) {
        int bits = 0;
        if (given.contains(lower)) {
            bits |= GIVEN;
        }
        if (surnames.contains(lower)) {
            bits |= SURNAME;
        }
        if (titles.contains(lower) || lower.endsWith(".") && titles.contains(lower.substring(0, lower.length() - 1))) {
            bits |= TITLE;
        }
        return bits;
    }

    /** Whether a listed name starts with this word. */
    boolean startsName(String lower) {
        return firsts.contains(lower);
    }

    /** Bit masks, one per token of a sentence. */
    int[] mark(String[] lower, WordInfo[] info) {
        int[] bits = new int[lower.length];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lower.length; i++) {
            bits[i] |= info[i].single;
            if (!info[i].listFirst) {
                continue;
            }
            sb.setLength(0);
            for (int j = i; j < lower.length; j++) {
                if (j > i) {
                    sb.append(' ');
                }
                sb.append(lower[j]);
                String candidate = sb.toString();
                Integer lists = names.get(candidate);
                if (lists != null) {
                    for (int list = 0; list < LISTS; list++) {
                        if ((lists & (1 << list)) != 0) {
                            markMatch(bits, i, j, list);
                        }
                    }
                }
                if (!prefixes.contains(candidate)) {
                    break;
                }
            }
        }
        return bits;
    }

    private static void markMatch(int[] bits, int from, int to, int list) {
        if (from == to) {
            bits[from] |= 1 << (list * 4 + Labels.U);
            return;
        }
        bits[from] |= 1 << (list * 4 + Labels.B);
        for (int k = from + 1; k < to; k++) {
            bits[k] |= 1 << (list * 4 + Labels.I);
        }
        bits[to] |= 1 << (list * 4 + Labels.L);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
