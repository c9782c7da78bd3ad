package io.newsflow.enrich.entities.internal;

/**
 * A word or punctuation token with its offsets and tags.
 *
 * @param text the token as written
 * @param start offset of its first character
 * @param end offset after its last character
 * @param pos universal part-of-speech tag, or "X" when no tagger ran
 * @param sentence index of its sentence in the document
 * @param sentenceStart whether it is the first word of its sentence (capitalisation says nothing there)
 */
public record Token(String text, int start, int end, String pos, int sentence, boolean sentenceStart) {

    /** Whether the token starts with a letter. */
    public boolean isWord() {
        return !text.isEmpty() && Character.isLetter(text.codePointAt(0));
    }

    /** Whether the token is written like a name: an initial capital or an inner capital (iPhone, eBay). */
    public boolean isCapitalised() {
        if (!isWord()) {
            return false;
        }
        if (Character.isUpperCase(text.codePointAt(0))) {
            return true;
        }
        return text.length() > 1 && text.chars().skip(1).anyMatch(Character::isUpperCase)
                && text.indexOf('-') < 0;
    }

    /** Whether the token is entirely upper-case letters (an acronym such as NASA). */
    public boolean isAllCaps() {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }
}
