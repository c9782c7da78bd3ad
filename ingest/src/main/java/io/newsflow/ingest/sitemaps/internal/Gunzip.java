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
