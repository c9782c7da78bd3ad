package io.newsflow.ingest.bench;

import io.newsflow.ingest.warc.WarcPage;
import io.newsflow.ingest.warc.WarcSource;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * WARC read throughput of {@link WarcSource} alone (no broker): writes a CC-NEWS-like WARC.gz of
 * {@code records} HTML responses of {@code bodyBytes} each to a temp file, then reads it back and
 * prints records/s and MB/s. Arguments: {@code records=20000 bodyBytes=30000 rounds=2}.
 */
public final class WarcReadBenchmark {

    private WarcReadBenchmark() {
    }

    /** Runs the benchmark; see the class comment for arguments. */
    public static void main(String[] args) throws IOException {
        int records = arg(args, "records", 20_000);
        int bodyBytes = arg(args, "bodyBytes", 30_000);
        int rounds = arg(args, "rounds", 2);
        Path file = Files.createTempFile("newsflow-bench", ".warc.gz");
        try {
            write(file, records, bodyBytes);
            System.out.printf(Locale.ROOT, "wrote %d records, %.1f MB compressed%n", records, Files.size(file) / 1e6);
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                long pages = 0;
                long bytes = 0;
                try (WarcSource source = WarcSource.open(file)) {
                    for (Optional<WarcPage> p = source.next(); p.isPresent(); p = source.next()) {
                        pages++;
                        bytes += p.get().body().length;
                    }
                }
                double s = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "round %d: read %d pages in %.2f s: %.0f records/s, %.1f MB/s of bodies%n",
                        round, pages, s, pages / s, bytes / 1e6 / s);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file, int records, int bodyBytes) throws IOException {
        StringBuilder sb = new StringBuilder("<!doctype html><html><body>");
        for (int i = 0; sb.length() < bodyBytes; i++) {
            sb.append("<p>Paragraph ").append(i).append(" of a long news article about many things.</p>");
        }
        byte[] body = sb.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
             WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
            for (int i = 0; i < records; i++) {
                HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.HTML, body).build();
                w.write(new WarcResponse.Builder(URI.create("https://site" + (i % 500) + ".example/a/" + i))
                        .date(t.plusSeconds(i)).body(http).build());
            }
        }
    }

    private static int arg(String[] args, String name, int dflt) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return dflt;
    }
}
