package io.newsflow.enrich.entities.tagger;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the training data says about a word or a name regardless of context: how often each lower-cased word was
 * outside any name or inside one of each type, and the type of each name string. Part of the model.
 *
 * <p>Trained naively, a tagger learns that a word it saw in a name is a name: every training word was seen. The
 * trainer therefore reads priors of each document from the other folds only (jackknifing), so the model learns
 * how far such a prior is worth trusting on words the way it will meet them: partly known, partly new.
 */
final class Priors {

    /** Longest name, in tokens, looked up as a whole. */
    static final int MAX_NAME = 6;
    static final int FOLDS = 10;

    /** Per word: count outside names, then per type. */
    private final Map<String, int[]> words;
    /** Per lower-cased name string (tokens joined by a space): count per type. */
    private final Map<String, int[]> names;
    /** Per fold, the counts the fold contributed (training only). */
    private final List<Map<String, int[]>> foldWords;
    private final List<Map<String, int[]>> foldNames;
    /** Every proper prefix of a name (whole words), so that a lookup stops as soon as no name can match. */
    private final java.util.Set<String> prefixes = new java.util.HashSet<>();
    /** First words of the names, so that most tokens need no lookup of the strings starting there. */
    private final java.util.Set<String> firsts = new java.util.HashSet<>();

    private Priors(Map<String, int[]> words, Map<String, int[]> names, List<Map<String, int[]>> foldWords,
            List<Map<String, int[]>> foldNames) {
        this.words = words;
        this.names = names;
        this.foldWords = foldWords;
        this.foldNames = foldNames;
        for (String n : names.keySet()) {
            firsts.add(n.indexOf(' ') < 0 ? n : n.substring(0, n.indexOf(' ')));
            for (int k = n.indexOf(' '); k > 0; k = n.indexOf(' ', k + 1)) {
                prefixes.add(n.substring(0, k));
            }
        }
    }

    /** No priors at all. */
    static Priors empty() {
        return new Priors(Map.of(), Map.of(), List.of(), List.of());
    }

    /** Counts the training documents; document {@code i} is in fold {@code i % FOLDS}. */
    static Priors count(List<ConllCorpus.Document> docs) {
        Map<String, int[]> words = new HashMap<>();
        Map<String, int[]> names = new HashMap<>();
        List<Map<String, int[]>> foldWords = new ArrayList<>();
        List<Map<String, int[]>> foldNames = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            foldWords.add(new HashMap<>());
            foldNames.add(new HashMap<>());
        }
        for (int d = 0; d < docs.size(); d++) {
            int fold = d % FOLDS;
            for (ConllCorpus.Sentence s : docs.get(d).sentences()) {
                int[] labels = Labels.encode(s.words().size(), s.spans());
                for (int i = 0; i < labels.length; i++) {
                    String w = Gazetteer.lower(s.words().get(i));
                    int slot = Labels.type(labels[i]) + 1;
                    words.computeIfAbsent(w, k -> new int[5])[slot]++;
                    foldWords.get(fold).computeIfAbsent(w, k -> new int[5])[slot]++;
                }
                for (Labels.Span span : s.spans()) {
                    if (span.end() - span.start() <= MAX_NAME) {
                        String name = join(s.words(), span.start(), span.end());
                        names.computeIfAbsent(name, k -> new int[4])[span.type()]++;
                        foldNames.get(fold).computeIfAbsent(name, k -> new int[4])[span.type()]++;
                    }
                }
            }
        }
        return new Priors(words, names, foldWords, foldNames);
    }

    static String join(List<String> words, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(' ');
            }
            sb.append(Gazetteer.lower(words.get(i)));
        }
        return sb.toString();
    }

    /**
     * A word's prior as one small number: 0 unknown; else 1 + 15 * best slot (0 outside, 1.. per type) + 5 *
     * how clear the best slot is (share ≥ 0.95, ≥ 0.6, less) + how often the word was seen (once, 2-9, 10+).
     */
    int word(String lower, int fold) {
        int[] c = counts(words, foldWords, lower, fold, 5);
        if (c == null) {
            return 0;
        }
        int total = 0;
        int best = 0;
        for (int k = 0; k < c.length; k++) {
            total += c[k];
            if (c[k] > c[best]) {
                best = k;
            }
        }
        if (total == 0) {
            return 0;
        }
        double share = (double) c[best] / total;
        int clarity = share >= 0.95 ? 0 : share >= 0.6 ? 1 : 2;
        int seen = total == 1 ? 0 : total < 10 ? 1 : 2;
        return 1 + 15 * best + 3 * clarity + seen;
    }

    /** Whether a prior from {@link #word} says: outside names, clearly (share ≥ 0.95), seen more than once. */
    static boolean plainlyOutside(int prior) {
        return prior > 0 && (prior - 1) / 15 == 0 && ((prior - 1) % 15) / 3 == 0 && (prior - 1) % 3 > 0;
    }

    /** Type of a name string (the most frequent), or -1 when the training data never had it as a name. */
    int name(String lowerName, int fold) {
        int[] c = counts(names, foldNames, lowerName, fold, 4);
        if (c == null) {
            return -1;
        }
        int best = -1;
        for (int k = 0; k < c.length; k++) {
            if (c[k] > 0 && (best < 0 || c[k] > c[best])) {
                best = k;
            }
        }
        return best;
    }

    /** Whether some name the training data knew starts with this word. */
    boolean startsName(String lower) {
        return firsts.contains(lower);
    }

    /**
     * Marks tokens inside names the training data knew: type times place (B, I, L, U), as bits; {@code info}
     * says which words start a name.
     */
    int[] mark(String[] lower, WordInfo[] info, int fold) {
        int[] bits = new int[lower.length];
        if (names.isEmpty()) {
            return bits;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lower.length; i++) {
            if (!info[i].nameFirst) {
                continue;
            }
            sb.setLength(0);
            for (int j = i; j < Math.min(lower.length, i + MAX_NAME); j++) {
                if (j > i) {
                    sb.append(' ');
                }
                sb.append(lower[j]);
                String candidate = sb.toString();
                int type = name(candidate, fold);
                if (type < 0) {
                    if (!prefixes.contains(candidate)) {
                        break;
                    }
                    continue;
                }
                if (j == i) {
                    bits[i] |= 1 << (type * 4 + Labels.U);
                } else {
                    bits[i] |= 1 << (type * 4 + Labels.B);
                    for (int k = i + 1; k < j; k++) {
                        bits[k] |= 1 << (type * 4 + Labels.I);
                    }
                    bits[j] |= 1 << (type * 4 + Labels.L);
                }
            }
        }
        return bits;
    }

    private static int[] counts(Map<String, int[]> all, List<Map<String, int[]>> folds, String key, int fold,
            int slots) {
        int[] c = all.get(key);
        if (c == null || fold < 0) {
            return c;
        }
        int[] mine = folds.get(fold).get(key);
        if (mine == null) {
            return c;
        }
        int[] rest = new int[slots];
        boolean any = false;
        for (int k = 0; k < slots; k++) {
            rest[k] = c[k] - mine[k];
            any |= rest[k] > 0;
        }
        return any ? rest : null;
    }

    void write(DataOutputStream out) throws IOException {
        writeTable(out, words);
        writeTable(out, names);
    }

    static Priors read(DataInputStream in) throws IOException {
        return new Priors(readTable(in), readTable(in), List.of(), List.of());
    }

    private static void writeTable(DataOutputStream out, Map<String, int[]> table) throws IOException {
        out.writeInt(table.size());
        for (Map.Entry<String, int[]> e : new TreeMap<>(table).entrySet()) {
            out.writeUTF(e.getKey());
            out.writeByte(e.getValue().length);
            for (int v : e.getValue()) {
                out.writeInt(v);
            }
        }
    }

    private static Map<String, int[]> readTable(DataInputStream in) throws IOException {
        int size = in.readInt();
        Map<String, int[]> table = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            String key = in.readUTF();
            int[] v = new int[in.readByte()];
            for (int k = 0; k < v.length; k++) {
                v[k] = in.readInt();
            }
            table.put(key, v);
        }
        return table;
    }
}
