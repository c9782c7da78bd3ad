package io.newsflow.enrich.extract.internal.decode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads a stream, or inflates a gzip stream, keeping at most a given number of bytes: a decompression bomb
 * costs that many bytes and no more, and what came before damage in a cut stream is kept. The one bounded
 * gunzip of the extraction library (the page decoder and the batch command both use it).
 *
 * @param bytes     what was read, at most the limit
 * @param truncated whether the stream had more than the limit
 * @param damage    the error that ended a damaged stream early, or null
 */
public record BoundedRead(byte[] bytes, boolean truncated, IOException damage) {

    private static final int FIRST_BUFFER = 8192;

    /** Reads {@code in} (not closed) up to {@code limit} bytes. */
    public static BoundedRead of(InputStream in, int limit) {
        return read(in, limit, FIRST_BUFFER);
    }

    /**
     * Inflates gzip data from {@code in} (closed after) up to {@code limit} bytes; {@code sizeHint} (the
     * compressed size, or 0) sizes the first buffer.
     */
    public static BoundedRead gunzip(InputStream in, int limit, long sizeHint) {
        GZIPInputStream gz;
        try {
            gz = new GZIPInputStream(in, FIRST_BUFFER);
        } catch (IOException e) {
            return new BoundedRead(new byte[0], false, e);
        }
        try (gz) {
            return read(gz, limit, (int) Math.min(limit, Math.max(sizeHint * 4, FIRST_BUFFER)));
        } catch (IOException e) {
            return new BoundedRead(new byte[0], false, e); // only close() can get here; read() keeps its prefix
        }
    }

    private static BoundedRead read(InputStream in, int limit, int firstBuffer) {
        byte[] out = new byte[Math.max(1, Math.min(limit, firstBuffer))];
        int filled = 0;
        try {
            while (true) {
                if (filled == out.length) {
                    if (filled >= limit) {
                        // One more byte says whether the stream had more than the limit.
                        return new BoundedRead(out, in.read() >= 0, null);
                    }
                    out = Arrays.copyOf(out, (int) Math.min(limit, out.length * 2L));
                }
                int n = in.read(out, filled, out.length - filled);
                if (n < 0) {
                    return new BoundedRead(Arrays.copyOf(out, filled), false, null);
                }
                filled += n;
            }
        } catch (IOException e) {
            // A damaged or cut stream: keep the prefix that was read, as browsers do.
            return new BoundedRead(Arrays.copyOf(out, filled), false, e);
        }
    }
}
