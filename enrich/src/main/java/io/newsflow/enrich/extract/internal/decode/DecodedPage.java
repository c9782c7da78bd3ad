package io.newsflow.enrich.extract.internal.decode;

import java.io.Reader;
import java.nio.charset.Charset;

/**
 * Page bytes with the charset to read them in, or the reason they could not be read.
 *
 * <p>The markup is handed to the parser as a {@link #reader()} rather than a decoded String: the
 * parser reads in chunks anyway, and decoding a whole page into one String first costs a large
 * extra copy (and, for non-Latin-1 text, a UTF-16 buffer that is compressed again). What the
 * extractor never reads (script and style contents, unread attributes...) is left out of it, see
 * {@link UnreadMarkup}.
 *
 * @param bytes       raw (decompressed) page bytes, or null when {@code emptyReason} is set
 * @param length      number of leading bytes of {@code bytes} to read (the size cap)
 * @param encoding    charset of {@code bytes}, or null
 * @param truncated   whether the input was cut at the configured size limit
 * @param emptyReason null on success, otherwise "empty-input", "binary" or "not-html"
 * @param skip        sorted {@code [start, end)} byte ranges the parser is not given (script, style, svg
 *                    and math contents, comments, unread attributes), see {@link UnreadMarkup}
 */
public record DecodedPage(byte[] bytes, int length, Charset encoding, boolean truncated, String emptyReason,
        int[] skip) {

    static DecodedPage rejected(String reason, boolean truncated) {
        return new DecodedPage(null, 0, null, truncated, reason, new int[0]);
    }

    /** Name of the charset used, or null. */
    public String charset() {
        return encoding == null ? null : encoding.name();
    }

    /**
     * The decoded markup, without a leading byte order mark and without the {@link #skip} ranges.
     * Malformed or unmappable bytes become U+FFFD, exactly as {@code new String(bytes, charset)} would
     * decode them.
     */
    public Reader reader() {
        return new DecodingReader(bytes, length, encoding, skip);
    }

    /**
     * Charsets in which every byte below 0x80 is the ASCII character, also inside multi-byte
     * characters: only there can markup be found in the bytes before decoding them.
     */
    static boolean isAsciiCompatible(Charset cs) {
        String name = cs.name();
        return name.equals("UTF-8") || name.equals("US-ASCII") || name.startsWith("ISO-8859-")
                || name.startsWith("windows-125");
    }
}
