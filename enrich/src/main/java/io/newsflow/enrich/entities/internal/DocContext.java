package io.newsflow.enrich.entities.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the whole article says about its words: which appear capitalised inside sentences (so are names even
 * at a sentence start) and which appear in lower case (so a capitalised one is probably an ordinary word).
 *
 * @param knownCaps words written capitalised somewhere inside a sentence
 * @param lowerWords words written in lower case somewhere
 * @param commonAcronyms acronyms the article spells out with lower-case words ("air quality index (AQI)")
 */
public record DocContext(Set<String> knownCaps, Set<String> lowerWords, Set<String> commonAcronyms) {

    private static final Set<String> DEFINITION_GLUE = Set.of("(", ",", "or", "the");

    /** Collects the context of an analysed text. */
    public static DocContext of(List<List<Token>> sentences) {
        Set<String> caps = new HashSet<>();
        Set<String> lower = new HashSet<>();
        Set<String> acronyms = new HashSet<>();
        for (List<Token> s : sentences) {
            for (int i = 0; i < s.size(); i++) {
                Token t = s.get(i);
                if (!t.isWord()) {
                    continue;
                }
                if (t.isAllCaps() && spelledBefore(s, i)) {
                    acronyms.add(t.text());
                }
                if (Character.isLowerCase(t.text().charAt(0))) {
                    lower.add(t.text());
                } else if (i > 0 && !t.sentenceStart() && s.get(i - 1).isWord() && t.isCapitalised()) {
                    caps.add(t.text());
                }
            }
        }
        return new DocContext(Set.copyOf(caps), Set.copyOf(lower), Set.copyOf(acronyms));
    }

    /** Whether the lower-case words just before token {@code i} have the token's letters as initials. */
    private static boolean spelledBefore(List<Token> s, int i) {
        String acronym = s.get(i).text().replace(".", "");
        int k = i - 1;
        while (k >= 0 && DEFINITION_GLUE.contains(s.get(k).text())) {
            k--;
        }
        for (int a = acronym.length() - 1; a >= 0; a--, k--) {
            if (k < 0 || !s.get(k).isWord()) {
                return false;
            }
            String w = s.get(k).text();
            if (!Character.isLowerCase(w.charAt(0)) || Character.toUpperCase(w.charAt(0)) != acronym.charAt(a)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the word also occurs in lower case in the article. */
    public boolean seenLowerCase(String word) {
        return lowerWords.contains(word.toLowerCase(Locale.ROOT));
    }
}
