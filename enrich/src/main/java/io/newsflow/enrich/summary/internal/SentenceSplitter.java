package io.newsflow.enrich.summary.internal;

import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits prose into sentences by terminal punctuation, paragraph breaks and an abbreviation list; no model needed. */
public final class SentenceSplitter {

    /**
     * Matches only at the start of a run of end marks and never backtracks into it: otherwise each position of a
     * long run ("!!!!...") would rescan the rest of it, quadratic work. The sentences found are the same.
     */
    private static final Pattern BOUNDARY = Pattern.compile(
            "(?<![.!?。！？])[.!?。！？]++[\"'”’)\\]]*+(?=\\s+[\"'“‘(\\[]?[\\p{Lu}\\p{N}])|\\n\\s*+");
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen",
            "col", "lt", "sgt", "capt", "jr", "sr", "prof", "rev", "inc", "corp", "ltd", "co", "mt", "ft", "vs", "no",
            "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "calif",
            "fla", "ill", "mass", "minn", "d.c", "a.m", "p.m", "approx", "dept", "est", "fig", "hon", "rt");

    private SentenceSplitter() {
    }

    /**
     * The sentences of a text, trimmed, in order, found as they are read: a reader that needs only the first few
     * (the lead summary) does not pay for scanning the rest of a long article.
     */
    public static Iterable<String> sentences(String text) {
        return () -> new Iterator<>() {
            private final Matcher m = text == null ? null : BOUNDARY.matcher(text);
            private int start;
            private String next;
            private boolean done = text == null;

            @Override
            public boolean hasNext() {
                while (next == null && !done) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String s = next;
                next = null;
                return s;
            }

            /** The next piece of text, stripped: null when it is blank or none is left. */
            private String advance() {
                while (m.find()) {
                    if (m.group().startsWith(".") && isAbbreviation(text, m.start())) {
                        continue;
                    }
                    String piece = text.substring(start, m.end());
                    start = m.end();
                    return stripped(piece);
                }
                done = true;
                return stripped(text.substring(start));
            }
        };
    }

    private static boolean isAbbreviation(String text, int dot) {
        int b = dot;
        while (b > 0 && (Character.isLetter(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) {
            b--;
        }
        String word = text.substring(b, dot).toLowerCase(Locale.ROOT);
        // Single capital initials ("J. K. Rowling") do not end a sentence either.
        return ABBREVIATIONS.contains(word) || word.length() == 1 && Character.isUpperCase(text.charAt(b));
    }

    private static String stripped(String s) {
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
