package io.newsflow.ingest.warc;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Iterates the HTML response records of a WARC or WARC.gz file (e.g. Common Crawl CC-NEWS) with
 * their original fetch time. A run can resume after the offset of the last page it emitted, so a
 * restarted backfill does not emit the same page twice.
 */
public final class WarcSource implements AutoCloseable {

    /** Default body cap, matching the live fetcher's default. */
    public static final long DEFAULT_MAX_BODY_BYTES = 5L * 1024 * 1024;

    private final FileChannel channel;
    private final WarcReader reader;
    private final long resumeAfter;
    private final boolean htmlOnly;
    private final long maxBodyBytes;
    private long records;
    private long pages;
    private long notResponse;
    private long notHtml;
    private long alreadyDone;
    private long malformed;
    private long truncated;

    private WarcSource(Path file, long resumeAfter, boolean htmlOnly, long maxBodyBytes) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            this.reader = new WarcReader(channel);
            if (resumeAfter > 0) {
                reader.position(resumeAfter); // jump straight to the last emitted record
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        this.resumeAfter = resumeAfter;
        this.htmlOnly = htmlOnly;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Reads {@code file} from the start, HTML pages only. */
    public static WarcSource open(Path file) throws IOException {
        return new WarcSource(file, -1, true, DEFAULT_MAX_BODY_BYTES);
    }

    /**
     * Reads {@code file}, skipping every record at or before {@code lastEmittedOffset} (the
     * {@link WarcPage#offset()} saved by {@link WarcCheckpoint}); -1 starts from the beginning.
     */
    public static WarcSource resumeAfter(Path file, long lastEmittedOffset) throws IOException {
        return new WarcSource(file, lastEmittedOffset, true, DEFAULT_MAX_BODY_BYTES);
    }

    /** Full control: resume offset (-1 for none), HTML-only filtering and body size cap. */
    public static WarcSource open(Path file, long lastEmittedOffset, boolean htmlOnly, long maxBodyBytes)
            throws IOException {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        return new WarcSource(file, lastEmittedOffset, htmlOnly, maxBodyBytes);
    }

    /**
     * The next page, or empty at the end of the file.
     *
     * @throws IOException if the file itself is unreadable or corrupt at the record level
     */
    public Optional<WarcPage> next() throws IOException {
        while (true) {
            Optional<WarcRecord> next = reader.next();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            records++;
            long offset = reader.position();
            if (offset <= resumeAfter) {
                alreadyDone++;
                continue;
            }
            if (!(next.get() instanceof WarcResponse response)) {
                notResponse++;
                continue;
            }
            Optional<WarcPage> page = toPage(response, offset);
            if (page.isPresent()) {
                pages++;
                return page;
            }
        }
    }

    private Optional<WarcPage> toPage(WarcResponse response, long offset) throws IOException {
        HttpResponse http;
        try {
            http = response.http();
        } catch (IOException | IllegalArgumentException e) {
            malformed++; // not an HTTP capture (e.g. DNS) or damaged: counted, not fatal
            return Optional.empty();
        }
        String contentType = http.headers().first("Content-Type").orElse(null);
        if (htmlOnly && !isHtml(contentType)) {
            notHtml++;
            return Optional.empty();
        }
        Body body = readBody(http);
        if (body.truncated()) {
            truncated++;
        }
        URI target = response.targetURI();
        return Optional.of(new WarcPage(target, response.date(), http.status(), contentType,
                lowerCase(http.headers().map()), body.bytes(), offset, body.truncated()));
    }

    private Body readBody(HttpResponse http) throws IOException {
        MessageBody decoded;
        try {
            decoded = http.bodyDecoded();
        } catch (IOException e) {
            decoded = http.body(); // unknown Content-Encoding: keep the raw payload rather than lose the page
        }
        try (InputStream in = decoded.stream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                return new Body(java.util.Arrays.copyOf(bytes, (int) maxBodyBytes), true);
            }
            return new Body(bytes, false);
        }
    }

    private static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType base = MediaType.parse(contentType).base();
            return base.equals(MediaType.HTML) || base.toString().equals("application/xhtml+xml");
        } catch (IllegalArgumentException e) {
            String lower = contentType.toLowerCase(Locale.ROOT);
            return lower.startsWith("text/html") || lower.startsWith("application/xhtml+xml");
        }
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((k, v) -> out.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        return out;
    }

    /** Counters so far. */
    public WarcStats stats() {
        return new WarcStats(records, pages, notResponse, notHtml, alreadyDone, malformed, truncated);
    }

    /** Closes the file. */
    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            channel.close();
        }
    }

    /** A possibly truncated body. */
    private record Body(byte[] bytes, boolean truncated) {
    }
}
