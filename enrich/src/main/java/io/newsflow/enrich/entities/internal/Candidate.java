package io.newsflow.enrich.entities.internal;

import java.util.List;

/**
 * A typed name occurrence before mentions are grouped into entities.
 *
 * @param start offset in its text (the title or the body)
 * @param end offset after it
 * @param surface the name as written
 * @param words its word tokens
 * @param cls its type guess
 * @param inTitle whether it occurs in the headline rather than the body
 * @param sentence index of its sentence in the body (0 for the title)
 * @param modifier whether a common noun follows it ("Star Trek film"), i.e. it is used like an adjective
 */
public record Candidate(int start, int end, String surface, List<String> words, Classification cls,
        boolean inTitle, int sentence, boolean modifier) {

    /** The same occurrence with another type guess. */
    public Candidate withClassification(Classification other) {
        return new Candidate(start, end, surface, words, other, inTitle, sentence, modifier);
    }
}
