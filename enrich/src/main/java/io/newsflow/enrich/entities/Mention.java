package io.newsflow.enrich.entities;

/**
 * One mention of an entity as character offsets into the body text given to the recognizer.
 *
 * @param start index of the first character
 * @param end index after the last character
 */
public record Mention(int start, int end) {

    /** Rejects negative or inverted offsets. */
    public Mention {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("Bad mention offsets: " + start + ".." + end);
        }
    }
}
