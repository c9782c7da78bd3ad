package io.newsflow.enrich.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the saved pages under {@code src/test/resources/extract}. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/extract/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Wraps a body fragment in a minimal page, UTF-8 encoded. */
    static byte[] page(String bodyHtml) {
        return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title></head><body>" + bodyHtml
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }

    /** A paragraph of plain prose long enough to count as article text. */
    static String prose(int n) {
        return "<p>Paragraph " + n + " tells the reader something about the story, with enough words, commas and "
                + "detail to read like real article prose rather than a menu label.</p>";
    }

    /** Prose like {@link #prose(int)} without its paragraph tag, to be wrapped by the caller. */
    static String sentence(int n) {
        return "Sentence " + n + " tells the reader something about the story, with enough words, commas and "
                + "detail to read like real article prose rather than a menu label.";
    }
}
