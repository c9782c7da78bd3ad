package io.newsflow.ingest.sitemaps.internal;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Bounded gunzip for {@code .xml.gz} sitemaps served as raw gzip files. */
public final class Gunzip {

    private Gunzip() {
    }

    /**
     * What a bounded gunzip gave: the bytes and whether they stop at the limit.
     *
     * @param bytes decompressed bytes, at most the limit
     * @param cut   true if there was more than the limit
     */
    public record Prefix(byte[] bytes, boolean cut) {
    }

    /**
     * Decompresses at most {@code maxBytes} of {@code gz}: a sitemap over the limit is read up to it
     * (a lenient parser still finds the URLs listed before the cut) and flagged, never expanded further.
     *
     * @throws IOException if the data is corrupt
     */
    public static Prefix prefix(byte[] gz, long maxBytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 8192)) {
            byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes));
            return new Prefix(out, in.read() >= 0);
        }
    }

    /**
     * Decompresses {@code gz}, refusing output larger than {@code maxBytes} (a gzip bomb).
     *
     * @throws IOException if the data is corrupt or too large when decompressed
     */
    public static byte[] gunzip(byte[] gz, long maxBytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new IOException("decompressed sitemap larger than " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }
}
