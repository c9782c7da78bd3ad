package io.newsflow.enrich.entities.internal;

import java.util.List;

/**
 * A candidate name: a run of capitalised tokens within one sentence.
 *
 * @param tokens the name's tokens, honorifics and titles already removed
 * @param sentence all tokens of its sentence, for context
 * @param from index of the first name token in {@code sentence}
 * @param personCue whether a title or honorific preceded it ("Sir", "Senator")
 */
public record Chunk(List<Token> tokens, List<Token> sentence, int from, boolean personCue) {

    /** Start offset of the name. */
    public int start() {
        return tokens.get(0).start();
    }

    /** End offset of the name. */
    public int end() {
        return tokens.get(tokens.size() - 1).end();
    }

    /** The first token. */
    public Token first() {
        return tokens.get(0);
    }

    /** The last token. */
    public Token last() {
        return tokens.get(tokens.size() - 1);
    }

    /** The sentence token just before the name, or null. */
    public Token before(int distance) {
        int i = from - distance;
        return i >= 0 ? sentence.get(i) : null;
    }

    /** The sentence token just after the name, or null. */
    public Token after(int distance) {
        int i = from + tokens.size() - 1 + distance;
        return i < sentence.size() ? sentence.get(i) : null;
    }
}
