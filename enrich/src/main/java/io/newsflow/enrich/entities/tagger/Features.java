package io.newsflow.enrich.entities.tagger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns tokens in context into feature keys: 64-bit hashes of a template number and the values it reads, so that
 * no string is built per feature at tagging time. The same code computes the features when training and when
 * tagging; {@link #VERSION} is stored in the model and checked on load.
 */
final class Features {

    /** Changes whenever a template changes meaning; a model trained with another version is refused. */
    static final int VERSION = 2;
    /** Most features one token can have. */
    static final int MAX = 96;

    /** How the sentence's line is written: running prose, all capitals, title case, or many numbers. */
    static final int PROSE = 0;
    static final int CAPS = 1;
    static final int TITLE = 2;
    static final int NUMBERS = 3;

    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;
    private static final long NONE = hash("<none>");
    private static final long START = hash("<s>");
    private static final long END = hash("</s>");

    private Features() {
    }

    /**
     * A document made ready for tagging: per-token values hashed once, line modes, how each word is written
     * elsewhere in the document, and gazetteer marks.
     */
    static final class Doc {
        final String[][] words;
        final String[][] lower;
        final long[][] word;
        final long[][] low;
        final long[][] shape;
        final long[][] fullShape;
        final WordInfo[][] info;
        final int[][] gaz;
        final int[][] prior;
        /** Tokens that are plainly no part of a name (see {@link WordInfo#plain}); never set while training folds. */
        final boolean[][] plain;
        final int[][] known;
        final int[][] ownCase;
        final int[][] docCase;
        /** Each token's word in lower case as a number, the same for every token of that word in the document. */
        final int[][] wordId;
        /** How many distinct words ({@link #wordId}s) the document has. */
        final int distinctWords;
        final int[] mode;
        /**
         * Sentences in tagging order: the body first, then the headline and all-caps lines, which read how the body
         * tagged the same words (headlines are terse and capitalised: their words say least on their own).
         */
        final int[] order;

        /**
         * @param fold the training fold the document is in, whose own labels its priors must not see; -1 when
         *             tagging
         */
        Doc(List<String[]> sentences, WordInfo.Source source, int fold) {
            this(sentences, 0, source, fold);
        }

        /** A document whose first {@code headline} sentences are its headline. */
        Doc(List<String[]> sentences, int headline, WordInfo.Source source, int fold) {
            Priors priors = source.priors();
            int n = sentences.size();
            words = sentences.toArray(new String[0][]);
            lower = new String[n][];
            word = new long[n][];
            low = new long[n][];
            shape = new long[n][];
            fullShape = new long[n][];
            info = new WordInfo[n][];
            gaz = new int[n][];
            prior = new int[n][];
            plain = new boolean[n][];
            known = new int[n][];
            ownCase = new int[n][];
            docCase = new int[n][];
            wordId = new int[n][];
            mode = new int[n];
            // One map lookup per token numbers the words; counts by word are then array cells, not map entries.
            Map<String, Integer> ids = new HashMap<>();
            for (int s = 0; s < n; s++) {
                String[] w = words[s];
                lower[s] = new String[w.length];
                word[s] = new long[w.length];
                low[s] = new long[w.length];
                shape[s] = new long[w.length];
                fullShape[s] = new long[w.length];
                info[s] = new WordInfo[w.length];
                prior[s] = new int[w.length];
                plain[s] = new boolean[w.length];
                ownCase[s] = new int[w.length];
                wordId[s] = new int[w.length];
                mode[s] = mode(w);
                for (int i = 0; i < w.length; i++) {
                    WordInfo wi = source.get(w[i]);
                    info[s][i] = wi;
                    lower[s][i] = wi.lower;
                    word[s][i] = wi.word;
                    low[s][i] = wi.low;
                    shape[s][i] = wi.shape;
                    fullShape[s][i] = wi.fullShape;
                    prior[s][i] = fold < 0 ? wi.prior : priors.word(wi.lower, fold);
                    plain[s][i] = fold < 0 ? wi.plain : Priors.plainlyOutside(prior[s][i]) && wi.plain;
                    ownCase[s][i] = ownCase(w, i, mode[s]);
                    Integer id = ids.putIfAbsent(wi.lower, ids.size());
                    wordId[s][i] = id == null ? ids.size() - 1 : id;
                }
                gaz[s] = source.gazetteer().mark(lower[s], info[s]);
                known[s] = priors.mark(lower[s], info[s], fold);
            }
            distinctWords = ids.size();
            int[] capitalisedCount = new int[distinctWords];
            int[] smallCount = new int[distinctWords];
            for (int s = 0; s < n; s++) {
                for (int i = 0; i < words[s].length; i++) {
                    if (ownCase[s][i] == 1) {
                        capitalisedCount[wordId[s][i]]++;
                    } else if (ownCase[s][i] == 2) {
                        smallCount[wordId[s][i]]++;
                    }
                }
            }
            for (int s = 0; s < n; s++) {
                docCase[s] = new int[words[s].length];
                for (int i = 0; i < words[s].length; i++) {
                    int capitalised = capitalisedCount[wordId[s][i]];
                    int small = smallCount[wordId[s][i]];
                    // Evidence from the other occurrences only: the token's own case is a feature already.
                    if (ownCase[s][i] == 1) {
                        capitalised--;
                    } else if (ownCase[s][i] == 2) {
                        small--;
                    }
                    docCase[s][i] = (capitalised > 0 ? 1 : 0) + (small > 0 ? 2 : 0);
                }
            }
            order = new int[n];
            int k = 0;
            for (int s = headline; s < n; s++) {
                if (mode[s] != CAPS) {
                    order[k++] = s;
                }
            }
            for (int s = 0; s < n; s++) {
                if (s < headline || mode[s] == CAPS) {
                    order[k++] = s;
                }
            }
        }
    }

    /**
     * How a token is written where it stands: 0 not a word or lower case in a mixed line is 2, capitalised inside
     * a prose sentence 1, first word of a sentence 3, in an all-caps or title-case line 4; only 1 and 2 say
     * something about the word itself.
     */
    private static int ownCase(String[] w, int i, int mode) {
        String t = w[i];
        if (t.isEmpty() || !Character.isLetter(t.charAt(0))) {
            return 0;
        }
        if (mode == CAPS || mode == TITLE) {
            return 4;
        }
        if (firstWord(w, i)) {
            return 3;
        }
        return Character.isUpperCase(t.charAt(0)) ? 1 : 2;
    }

    /** Whether no word precedes position {@code i} but quotes, brackets and dashes. */
    private static boolean firstWord(String[] w, int i) {
        for (int k = 0; k < i; k++) {
            if (!w[k].isEmpty() && Character.isLetterOrDigit(w[k].charAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLowerCase(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLowerCase((int) t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static int mode(String[] w) {
        int letters = 0;
        int lowerWords = 0;
        int capitalised = 0;
        int longWords = 0;
        int numbers = 0;
        for (String t : w) {
            if (t.isEmpty()) {
                continue;
            }
            char c = t.charAt(0);
            if (Character.isDigit(c)) {
                numbers++;
            } else if (Character.isLetter(c)) {
                letters++;
                if (hasLowerCase(t)) {
                    lowerWords++;
                }
                if (t.length() > 3) {
                    longWords++;
                    capitalised += Character.isUpperCase(c) ? 1 : 0;
                }
            }
        }
        if (letters >= 2 && lowerWords * 10 <= letters) {
            return CAPS;
        }
        if (longWords >= 3 && capitalised * 10 >= longWords * 8) {
            return TITLE;
        }
        return numbers * 4 >= w.length && numbers > 0 ? NUMBERS : PROSE;
    }

    /**
     * Writes the features of token {@code i} of sentence {@code s} into {@code out} and returns their number.
     *
     * @param p1 label of the previous token, -1 at the start
     * @param p2 label of the one before, -1 when none
     * @param history entity type this document's earlier tokens of the same word were tagged with, -1 when none
     *                (4 when they were tagged with several)
     */
    static int extract(Doc d, int s, int i, int p1, int p2, int history, long[] out) {
        String[] w = d.words[s];
        int n = 0;
        long lw = d.low[s][i];
        long sh = d.shape[s][i];
        int mode = d.mode[s];
        String lowered = d.lower[s][i];
        out[n++] = key(0, 0);
        out[n++] = key(1, d.word[s][i]);
        out[n++] = key(2, lw);
        out[n++] = key(3, sh);
        out[n++] = key(4, d.fullShape[s][i]);
        long[] affixes = d.info[s][i].affixes;
        for (int k = 1; k <= 4 && k < lowered.length(); k++) {
            out[n++] = key(4 + k, affixes[k - 1]);
            out[n++] = key(8 + k, affixes[3 + k]);
        }
        long lwm1 = at(d.low, s, i - 1);
        long lwp1 = at(d.low, s, i + 1);
        long shm1 = at(d.shape, s, i - 1);
        long shp1 = at(d.shape, s, i + 1);
        out[n++] = key(13, lwm1);
        out[n++] = key(14, lwp1);
        out[n++] = key(15, at(d.low, s, i - 2));
        out[n++] = key(16, at(d.low, s, i + 2));
        out[n++] = key(17, shm1);
        out[n++] = key(18, shp1);
        out[n++] = key(19, shm1, sh, shp1);
        out[n++] = key(20, lwm1, lw);
        out[n++] = key(21, lw, lwp1);
        out[n++] = key(22, at(d.word, s, i - 1));
        out[n++] = key(23, at(d.word, s, i + 1));
        out[n++] = key(24, p1);
        out[n++] = key(25, p1, p2);
        out[n++] = key(26, p1, sh);
        out[n++] = key(27, p1, lw);
        int own = d.ownCase[s][i];
        out[n++] = key(28, own, sh);
        out[n++] = key(29, mode, sh);
        out[n++] = key(30, mode, lw);
        out[n++] = key(31, mode, i == 0 ? 1 : 0, sh);
        out[n++] = key(32, own, d.docCase[s][i]);
        out[n++] = key(33, own, d.docCase[s][i], sh);
        out[n++] = key(34, history);
        out[n++] = key(35, history, own);
        out[n++] = key(36, history, p1);
        int bits = d.gaz[s][i];
        boolean capital = !lowered.isEmpty() && Character.isUpperCase(w[i].charAt(0));
        for (int b = 0; b < Gazetteer.BITS; b++) {
            if ((bits & (1 << b)) != 0) {
                out[n++] = key(37, b);
                out[n++] = key(38, b, capital ? 1 : 0, mode);
            }
        }
        int before = i > 0 ? d.gaz[s][i - 1] : 0;
        int after = i + 1 < w.length ? d.gaz[s][i + 1] : 0;
        out[n++] = key(39, (before & Gazetteer.TITLE) != 0 ? 1 : 0, (before & Gazetteer.GIVEN) != 0 ? 1 : 0, sh);
        out[n++] = key(47, (before & Gazetteer.TITLE) != 0 ? 1 : 0, bits & ~Gazetteer.LIST_BITS);
        out[n++] = key(40, (after & (Gazetteer.GIVEN | Gazetteer.TITLE)) != 0 ? 1 : 0, after & Gazetteer.LIST_BITS);
        out[n++] = key(41, Math.min(w.length, 8), mode);
        out[n++] = key(42, at(d.shape, s, i - 2), shm1, sh);
        out[n++] = key(43, sh, shp1, at(d.shape, s, i + 2));
        int prior = d.prior[s][i];
        out[n++] = key(48, prior);
        out[n++] = key(49, prior, own);
        out[n++] = key(52, prior, i > 0 ? d.prior[s][i - 1] : -1);
        int names = d.known[s][i];
        for (int b = 0; b < 16; b++) {
            if ((names & (1 << b)) != 0) {
                out[n++] = key(50, b);
                out[n++] = key(51, b, mode);
            }
        }
        if (mode != CAPS) {
            // The capitalised run the token is in: its last word names the kind of thing ("... United",
            // "... University", "... Corp"), its first word the opener ("Bank of ...").
            int from = i;
            while (from > 0 && capitalisedOrJoiner(w, from - 1, from - 1 > 0)) {
                from--;
            }
            while (from < i && !capitalised(w[from])) {
                from++;
            }
            int to = i;
            while (to + 1 < w.length && capitalisedOrJoiner(w, to + 1, true)) {
                to++;
            }
            while (to > i && !capitalised(w[to])) {
                to--;
            }
            if (capitalised(w[i]) && to > from) {
                int place = i == from ? 0 : i == to ? 2 : 1;
                out[n++] = key(44, d.low[s][to], place);
                out[n++] = key(45, d.low[s][from], place);
                out[n++] = key(46, Math.min(to - from + 1, 5), place, mode);
            }
        }
        return n;
    }

    private static boolean capitalised(String t) {
        return !t.isEmpty() && Character.isUpperCase(t.charAt(0));
    }

    /** A capitalised word, or a joiner inside a name ("of", "&", "de") when {@code inner}. */
    private static boolean capitalisedOrJoiner(String[] w, int k, boolean inner) {
        String t = w[k];
        return capitalised(t) || inner && (t.equals("of") || t.equals("&") || t.equals("de") || t.equals("and")
                || t.equals("for") || t.equals("the"));
    }

    private static long at(long[][] values, int s, int i) {
        long[] v = values[s];
        return i < 0 ? START : i >= v.length ? END : v[i];
    }

    /** The word's character classes: X upper, x lower, d digit, others as written; runs kept once if brief. */
    static String shape(String word, boolean brief) {
        StringBuilder sb = new StringBuilder(Math.min(word.length(), 16));
        char last = 0;
        int run = 0;
        for (int i = 0; i < word.length() && sb.length() < 16; i++) {
            char c = word.charAt(i);
            char k = Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x'
                    : Character.isDigit(c) ? 'd' : Character.isLetter(c) ? 'x' : c;
            run = k == last ? run + 1 : 1;
            if (!(brief ? run > 1 : run > 4)) {
                sb.append(k);
            }
            last = k;
        }
        return sb.toString();
    }

    static long hash(String s) {
        return hash(s, 0, s.length());
    }

    static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    static long key(int template, long a) {
        return mix(a * K2 + template * K1);
    }

    static long key(int template, long a, long b) {
        return mix(key(template, a) ^ b * K2 + K1);
    }

    static long key(int template, long a, long b, long c) {
        return mix(key(template, a, b) ^ c * K1 + K2);
    }

    /** The finaliser of SplitMix64: spreads every input bit over the whole key. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long noneKey() {
        return NONE;
    }
}
