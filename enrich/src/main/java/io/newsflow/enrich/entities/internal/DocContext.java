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
 */
public record DocContext(Set<String> knownCaps, Set<String> lowerWords) {

    /** Collects the context of an analysed text. */
    public static DocContext of(List<List<Token>> sentences) {
        Set<String> caps = new HashSet<>();
        Set<String> lower = new HashSet<>();
        for (List<Token> s : sentences) {
            for (int i = 0; i < s.size(); i++) {
                Token t = s.get(i);
                if (!t.isWord()) {
                    continue;
                }
                if (Character.isLowerCase(t.text().charAt(0))) {
                    lower.add(t.text());
                } else if (i > 0 && !t.sentenceStart() && s.get(i - 1).isWord() && t.isCapitalised()) {
                    caps.add(t.text());
                }
            }
        }
        return new DocContext(Set.copyOf(caps), Set.copyOf(lower));
    }

    /** Whether the word also occurs in lower case in the article. */
    public boolean seenLowerCase(String word) {
        return lowerWords.contains(word.toLowerCase(Locale.ROOT));
    }
}
