package io.newsflow.enrich.keywords.internal;

import io.newsflow.enrich.text.Words;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Cuts text into key-phrase candidates: runs of content words between stop words, punctuation and possessives,
 * and the 1- to 4-word phrases inside each run (a cheap, language-light stand-in for noun phrases).
 */
public final class Candidates {

    /** Longest phrase candidate, in words. */
    public static final int MAX_WORDS = 4;

    /** Endings of a contraction ("they'll", "don't"), after the apostrophe; read from a lower-case token. */
    private static final Set<String> CONTRACTED = Set.of("ll", "re", "ve", "d", "m", "t");
    /** What may join the parts of one word: "state-run", "O'Brien". */
    private static final String JOINERS = "-'’";
    private final Set<String> english;
    private final Set<String> other;

    private Candidates(Set<String> english, Set<String> other) {
        this.english = english;
        this.other = other;
    }

    /** Loads the bundled stop-word lists. */
    public static Candidates load() {
        return new Candidates(read("stopwords-en.txt"), read("stopwords-multi.txt"));
    }

    /** A candidate's lower-case key, first surface form and weighted count. */
    public static final class Stat {
        /** The candidate as first written. */
        public final String surface;
        /** Its length in words. */
        public final int words;
        /** Weighted number of occurrences. */
        public double count;

        Stat(String surface, int words) {
            this.surface = surface;
            this.words = words;
        }
    }

    /** Adds the candidates of {@code text} with the given weight per occurrence to {@code out}, keyed by lower case. */
    public void collect(String text, String language, double weight, Map<String, Stat> out) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Set<String> stop = "en".equals(language) || language == null || "und".equals(language) ? english : other;
        List<String> run = new ArrayList<>();
        int to = text.length();
        // Tokens as [\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*+|[^\s\p{L}\p{N}]: a word, or one other symbol.
        for (int i = Words.nextNonSpace(text, 0, to); i < to; ) {
            int end = Words.wordOrSymbolEnd(text, i, to, JOINERS);
            String word = text.substring(i, end);
            i = Words.nextNonSpace(text, end, to);
            String tok = isPossessive(word) ? word.substring(0, word.length() - 2) : word;
            String lower = tok.toLowerCase(Locale.ROOT).replace('’', '\'');
            boolean content = !tok.isEmpty() && Character.isLetterOrDigit(tok.charAt(0)) && !stop.contains(lower)
                    && !english.contains(lower) && lower.length() > 1 && !isNumber(lower)
                    && !isContraction(lower);
            if (content) {
                run.add(tok);
            }
            if (!content || word.length() != tok.length()) {
                // A possessive ends the phrase: "WeWork's founder" gives "WeWork" and "founder".
                emit(run, weight, out);
                run.clear();
            }
        }
        emit(run, weight, out);
    }

    /** A run gives every phrase of one to {@link #MAX_WORDS} consecutive words inside it. */
    private static void emit(List<String> run, double weight, Map<String, Stat> out) {
        for (int i = 0; i < run.size(); i++) {
            for (int n = 1; n <= MAX_WORDS && i + n <= run.size(); n++) {
                add(String.join(" ", run.subList(i, i + n)), n, weight, out);
            }
        }
    }

    private static void add(String surface, int words, double weight, Map<String, Stat> out) {
        String key = surface.toLowerCase(Locale.ROOT).replace('’', '\'');
        out.computeIfAbsent(key, k -> new Stat(surface, words)).count += weight;
    }

    /** Returns the distinct candidate keys of a text. */
    public Set<String> keys(String title, String text, String language) {
        Map<String, Stat> all = new LinkedHashMap<>();
        collect(title, language, 1, all);
        collect(text, language, 1, all);
        return all.keySet();
    }

    // Plain string checks rather than a regular expression per token: they ran for every word of every article.

    /** "WeWork's", "WeWork’s": a word token ends so only after a letter or digit. */
    private static boolean isPossessive(String word) {
        int n = word.length();
        return n > 2 && word.charAt(n - 1) == 's' && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '’');
    }

    /** A lower-case token with at least one character, an apostrophe, then a contracted ending. */
    private static boolean isContraction(String lower) {
        int quote = lower.lastIndexOf('\'');
        return quote > 0 && CONTRACTED.contains(lower.substring(quote + 1));
    }

    private static boolean isNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static Set<String> read(String name) {
        try (InputStream in = Candidates.class.getResourceAsStream("/io/newsflow/enrich/keywords/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing stop-word list " + name);
            }
            Set<String> out = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.startsWith("#")) {
                    for (String w : line.trim().split("\\s+")) {
                        if (!w.isEmpty()) {
                            out.add(w.toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name, e);
        }
    }
}
