package io.newsflow.enrich.extract.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * Page bytes with the charset to read them in, or the reason they could not be read.
 *
 * <p>The markup is handed to the parser as a {@link #reader()} rather than a decoded String: the
 * parser reads in chunks anyway, and decoding a whole page into one String first costs a large
 * extra copy (and, for non-Latin-1 text, a UTF-16 buffer that is compressed again).
 *
 * @param bytes       raw (decompressed) page bytes, or null when {@code emptyReason} is set
 * @param length      number of leading bytes of {@code bytes} to read (the size cap)
 * @param encoding    charset of {@code bytes}, or null
 * @param truncated   whether the input was cut at the configured size limit
 * @param emptyReason null on success, otherwise "empty-input", "binary" or "not-html"
 */
public record DecodedPage(byte[] bytes, int length, Charset encoding, boolean truncated, String emptyReason) {

    static DecodedPage rejected(String reason, boolean truncated) {
        return new DecodedPage(null, 0, null, truncated, reason);
    }

    /** Name of the charset used, or null. */
    public String charset() {
        return encoding == null ? null : encoding.name();
    }

    /**
     * The decoded markup, without a leading byte order mark. Malformed or unmappable bytes become
     * U+FFFD, exactly as {@code new String(bytes, charset)} would decode them.
     */
    public Reader reader() {
        PushbackReader in = new PushbackReader(
                new InputStreamReader(new ByteArrayInputStream(bytes, 0, length), encoding), 1);
        try {
            int first = in.read();
            if (first >= 0 && first != '\uFEFF') {
                in.unread(first);
            }
        } catch (IOException e) {
            // Reading an in-memory array does not fail.
            throw new UncheckedIOException(e);
        }
        return in;
    }
}
