package io.newsflow.ingest.fetch.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body under two limits: a byte cap applied after decompression (so a gzip bomb
 * is cut) and a wall-clock deadline (so a body that trickles forever is cut).
 */
public final class BodyReader {

    /** What was read, and why reading stopped. */
    public record Body(byte[] bytes, boolean truncated, boolean timedOut, String error) {
    }

    private final Deadlines deadlines;

    /** Creates a reader whose deadlines run on {@code deadlines}. */
    public BodyReader(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * Reads and decodes {@code raw} per {@code contentEncoding}; always closes {@code raw}.
     * {@code expectedLength} (Content-Length, or -1) only pre-sizes the buffer.
     */
    public Body read(InputStream raw, String contentEncoding, long expectedLength, long maxBytes, Duration deadline) {
        AtomicBoolean timedOut = new AtomicBoolean();
        // Closing the stream from the sweeper wakes up a reader blocked waiting for data.
        Deadlines.Handle alarm = deadlines.schedule(deadline, () -> {
            timedOut.set(true);
            closeQuietly(raw);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (InputStream in = decoder(raw, contentEncoding)) {
            if (in == raw && expectedLength >= 0 && expectedLength <= maxBytes) {
                return readExact(in, (int) expectedLength, timedOut);
            }
            boolean truncated = copyBounded(in, out, maxBytes);
            return new Body(out.toByteArray(), truncated, timedOut.get(), null);
        } catch (IOException e) {
            return new Body(out.toByteArray(), false, timedOut.get(), timedOut.get() ? null : describe(e));
        } finally {
            alarm.close();
            closeQuietly(raw);
        }
    }

    /**
     * Fast path for an unencoded body of known length: one exact array, no intermediate copies.
     * A connection closed before Content-Length bytes came is reported as such, with the counts.
     */
    private static Body readExact(InputStream in, int length, AtomicBoolean timedOut) {
        byte[] bytes = new byte[length];
        int n = 0;
        String failure = null;
        try {
            for (int r = 0; n < length && r >= 0; n += Math.max(r, 0)) {
                r = in.read(bytes, n, length - n);
            }
            if (n == length) {
                in.read(); // observe end-of-stream so the client returns the connection to its pool
            }
        } catch (IOException e) {
            failure = describe(e);
        }
        if (n < length) {
            String why = "body ended after " + n + " of " + length + " bytes declared by Content-Length"
                    + (failure == null ? "" : " (" + failure + ")");
            return new Body(java.util.Arrays.copyOf(bytes, n), false, timedOut.get(), timedOut.get() ? null : why);
        }
        return new Body(bytes, false, timedOut.get(), null);
    }

    private static boolean copyBounded(InputStream in, ByteArrayOutputStream out, long maxBytes) throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            if (total + n > maxBytes) {
                out.write(buf, 0, (int) (maxBytes - total));
                return true;
            }
            out.write(buf, 0, n);
            total += n;
        }
        return false;
    }

    private static InputStream decoder(InputStream raw, String contentEncoding) throws IOException {
        String enc = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        return switch (enc) {
            case "", "identity" -> raw;
            case "gzip", "x-gzip" -> new GZIPInputStream(raw, 8192);
            case "deflate" -> inflating(raw);
            default -> throw new IOException("unsupported Content-Encoding: " + enc);
        };
    }

    /** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: sniff the header. */
    private static InputStream inflating(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 2);
        int b0 = in.read();
        int b1 = in.read();
        if (b1 >= 0) {
            in.unread(b1);
        }
        if (b0 >= 0) {
            in.unread(b0);
        }
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0F) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new InflaterInputStream(in, new Inflater(!zlib), 8192);
    }

    private static String describe(IOException e) {
        return "body read failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing useful to do: the result already reflects why we stopped
        }
    }
}
