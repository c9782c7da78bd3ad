package io.newsflow.enrich.extract.internal.decode;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes an in-memory byte array straight into the parser's buffer. {@link java.io.InputStreamReader}
 * does the same through a stream, an intermediate byte buffer and a lock per read; the page is
 * already in memory, so none of that is needed. Malformed and unmappable input becomes U+FFFD, as
 * with {@code new String(bytes, charset)}; a leading byte order mark is dropped.
 */
final class DecodingReader extends Reader {

    private final int length;
    private final int[] skip;
    private final ByteBuffer in;
    private final CharsetDecoder decoder;
    /** Index into {@code skip} of the next range to leave out. */
    private int nextSkip;
    /** A character decoded but not yet returned: the low half of a pair that did not fit. */
    private int pending = -1;
    private boolean first = true;
    private boolean flushed;

    /**
     * Reads {@code bytes[0, length)} in {@code charset}, leaving out the sorted {@code [start, end)}
     * ranges in {@code skip}, which must begin and end on character boundaries.
     */
    DecodingReader(byte[] bytes, int length, Charset charset, int[] skip) {
        this.length = length;
        this.skip = skip;
        this.in = ByteBuffer.wrap(bytes, 0, skip.length > 0 ? skip[0] : length);
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    @Override
    public int read(char[] buf, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        if (pending >= 0) {
            buf[off] = (char) pending;
            pending = -1;
            n = 1;
        }
        while (n == 0) {
            if (flushed) {
                return -1;
            }
            n = decode(buf, off, len);
            if (first && n > 0) {
                first = false;
                if (buf[off] == '\uFEFF') {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    n--;
                }
            }
        }
        return n;
    }

    /** Decodes into {@code buf}; returns the number of characters written, 0 only at the very end. */
    private int decode(char[] buf, int off, int len) {
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        while (out.hasRemaining() && !flushed) {
            if (in.hasRemaining()) {
                // Each kept range ends the input as far as the decoder knows: ranges are cut at ASCII
                // markup, so no character spans two of them.
                CoderResult r = decoder.decode(in, out, true);
                if (r.isOverflow()) {
                    if (out.position() == off) {
                        return decodeAside(buf, off);
                    }
                    break;
                }
                in.position(in.limit());
            } else if (nextSkip < skip.length) {
                int from = skip[nextSkip + 1];
                nextSkip += 2;
                in.limit(nextSkip < skip.length ? skip[nextSkip] : length).position(from);
            } else {
                decoder.decode(in, out, true); // the decoder must have seen the end before a flush
                flushed = decoder.flush(out).isUnderflow();
            }
        }
        return out.position() - off;
    }

    /** Room for one char but the next is a surrogate pair: decode it aside and return its first half. */
    private int decodeAside(char[] buf, int off) {
        CharBuffer two = CharBuffer.allocate(2);
        decoder.decode(in, two, true);
        two.flip();
        buf[off] = two.get();
        if (two.hasRemaining()) {
            pending = two.get();
        }
        return 1;
    }

    @Override
    public void close() {
        // Nothing to release: the bytes belong to the caller.
    }
}
