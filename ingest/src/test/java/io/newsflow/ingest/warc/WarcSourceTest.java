package io.newsflow.ingest.warc;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.fetch.LoopbackServer;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

class WarcSourceTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path dir;

    /** Writes a small CC-NEWS-like WARC: 3 HTML pages mixed with a request, a PDF and a gzip-encoded page. */
    private Path writeWarc(WarcCompression compression) throws IOException {
        Path file = dir.resolve(compression == WarcCompression.GZIP ? "news.warc.gz" : "news.warc");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WarcWriter w = new WarcWriter(ch, compression)) {
            w.write(new WarcRequest.Builder(URI.create("https://a.example/one"))
                    .date(T0).body(new HttpRequest.Builder("GET", "/one").build()).build());
            w.write(response("https://a.example/one", T0, 200, "text/html; charset=utf-8", html("one")));
            w.write(response("https://a.example/doc.pdf", T0.plusSeconds(1), 200, "application/pdf", new byte[] {1, 2, 3}));
            w.write(response("https://b.example/two", T0.plusSeconds(2), 200, "text/html", html("two")));
            HttpResponse gz = new HttpResponse.Builder(200, "OK").addHeader("Content-Encoding", "gzip")
                    .body(MediaType.HTML, LoopbackServer.gzip(html("three"))).build();
            w.write(new WarcResponse.Builder(URI.create("https://c.example/three")).date(T0.plusSeconds(3)).body(gz).build());
        }
        return file;
    }

    private static WarcResponse response(String url, Instant date, int status, String type, byte[] body) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, "OK").body(MediaType.parse(type), body).build();
        return new WarcResponse.Builder(URI.create(url)).date(date).body(http).build();
    }

    private static byte[] html(String word) {
        return ("<html><body><h1>" + word + "</h1></body></html>").getBytes(StandardCharsets.UTF_8);
    }

    private static List<WarcPage> drain(WarcSource source) throws IOException {
        List<WarcPage> pages = new ArrayList<>();
        for (Optional<WarcPage> p = source.next(); p.isPresent(); p = source.next()) {
            pages.add(p.get());
        }
        return pages;
    }

    @ParameterizedTest
    @EnumSource(value = WarcCompression.class, names = {"NONE", "GZIP"})
    void emitsHtmlResponsesWithOriginalFetchTime(WarcCompression compression) throws IOException {
        Path file = writeWarc(compression);
        try (WarcSource source = WarcSource.open(file)) {
            List<WarcPage> pages = drain(source);
            assertThat(pages).extracting(WarcPage::targetUri).containsExactly(
                    URI.create("https://a.example/one"), URI.create("https://b.example/two"), URI.create("https://c.example/three"));
            assertThat(pages.get(0).date()).isEqualTo(T0);
            assertThat(pages.get(0).httpStatus()).isEqualTo(200);
            assertThat(pages.get(0).contentType()).startsWith("text/html");
            assertThat(new String(pages.get(0).body(), StandardCharsets.UTF_8)).contains("<h1>one</h1>");
            assertThat(pages.get(2).headers()).containsKey("content-encoding");
            assertThat(source.stats()).satisfies(s -> {
                assertThat(s.records()).isEqualTo(5);
                assertThat(s.pages()).isEqualTo(3);
                assertThat(s.notResponse()).isEqualTo(1);
                assertThat(s.notHtml()).isEqualTo(1);
            });
        }
    }

    @Test
    void decodesGzipContentEncodingOfArchivedPayload() throws IOException {
        try (WarcSource source = WarcSource.open(writeWarc(WarcCompression.GZIP))) {
            List<WarcPage> pages = drain(source);
            assertThat(new String(pages.get(2).body(), StandardCharsets.UTF_8)).contains("<h1>three</h1>");
        }
    }

    @ParameterizedTest
    @EnumSource(value = WarcCompression.class, names = {"NONE", "GZIP"})
    void resumesAfterTheLastEmittedPageWithoutRepeatingIt(WarcCompression compression) throws IOException {
        Path file = writeWarc(compression);
        WarcCheckpoint checkpoint = WarcCheckpoint.beside(file);
        assertThat(checkpoint.load()).isEmpty();
        try (WarcSource first = WarcSource.open(file)) {
            WarcPage page = first.next().orElseThrow();
            checkpoint.save(page.offset()); // "produced", then the run stops
        }
        try (WarcSource resumed = WarcSource.resumeAfter(file, checkpoint.load().orElseThrow())) {
            assertThat(drain(resumed)).extracting(p -> p.targetUri().getHost()).containsExactly("b.example", "c.example");
            assertThat(resumed.stats().alreadyDone()).isEqualTo(1);
        }
    }

    @Test
    void resumingAfterTheLastPageEmitsNothing() throws IOException {
        Path file = writeWarc(WarcCompression.GZIP);
        long last;
        try (WarcSource source = WarcSource.open(file)) {
            List<WarcPage> pages = drain(source);
            last = pages.get(pages.size() - 1).offset();
        }
        try (WarcSource resumed = WarcSource.resumeAfter(file, last)) {
            assertThat(resumed.next()).isEmpty();
        }
    }

    @Test
    void truncatesAndFlagsOversizedBodies() throws IOException {
        try (WarcSource source = WarcSource.open(writeWarc(WarcCompression.NONE), -1, true, 10)) {
            WarcPage page = source.next().orElseThrow();
            assertThat(page.body()).hasSize(10);
            assertThat(page.truncated()).isTrue();
            assertThat(source.stats().truncated()).isEqualTo(1);
        }
    }

    @Test
    void emitsNonHtmlToWhenAskedTo() throws IOException {
        try (WarcSource source = WarcSource.open(writeWarc(WarcCompression.NONE), -1, false, 1000)) {
            assertThat(drain(source)).hasSize(4);
        }
    }

    @Test
    void rejectsACorruptCheckpoint() throws IOException {
        Path cp = dir.resolve("x.checkpoint");
        java.nio.file.Files.writeString(cp, "not-a-number", StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WarcCheckpoint(cp).load())
                .isInstanceOf(IOException.class).hasMessageContaining("corrupt");
    }

    @Test
    void checkpointKeepsTheTopicEndsSavedWithItAndReadsAnOffsetOnlyOne() throws IOException {
        WarcCheckpoint checkpoint = new WarcCheckpoint(dir.resolve("y.checkpoint"));
        checkpoint.save(1234, java.util.Map.of(1, 20L, 0, 7L));
        assertThat(checkpoint.position()).contains(new WarcCheckpoint.Position(1234, java.util.Map.of(0, 7L, 1, 20L)));
        assertThat(checkpoint.load()).hasValue(1234);
        checkpoint.save(99);
        assertThat(checkpoint.position()).contains(new WarcCheckpoint.Position(99, java.util.Map.of()));
    }
}
