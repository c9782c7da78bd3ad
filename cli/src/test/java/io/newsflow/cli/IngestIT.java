package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.embedded.EmbeddedStack;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.FetchOutcome;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.ids.ArticleIds;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newsflow ingest} fetching from a real HTTP server on loopback into a real broker. */
class IngestIT {

    private static final byte[] LATIN1_PAGE = ("<html><head><title>D\u00e9bat</title>"
            + "<link rel=\"canonical\" href=\"/fr/debat?utm_source=x\"></head>"
            + "<body><p>Le d\u00e9bat a dur\u00e9 trois heures \u00e0 l'Assembl\u00e9e.</p></body></html>")
            .getBytes(StandardCharsets.ISO_8859_1);

    private static EmbeddedStack stack;
    private static HttpServer server;
    private static String base;
    private static Topics topics;
    private static final Map<String, RawArticle> RAW = new HashMap<>();
    private static final Map<String, DeadLetter> DEAD = new HashMap<>();
    private static int exitCode;
    private static int secondExitCode;
    private static int[] warcRuns;
    private static final Instant CAPTURED = Instant.parse("2024-03-01T10:00:00Z");
    private static final Map<String, Integer> RAW_COUNT = new HashMap<>();
    private static final Map<String, FetchOutcome> STATUS = new HashMap<>();

    @BeforeAll
    static void ingest() throws IOException {
        stack = EmbeddedStack.start(TopicNames.DEFAULTS.topicConfigs(), 1);
        topics = Topics.create(TopicNames.DEFAULTS, RegistrySerdeFactory.create(stack.registry().apiUrl(), Map.of()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.startsWith("/fr/")) {
                body = LATIN1_PAGE;
                type = "text/html; charset=iso-8859-1";
            } else if (path.equals("/robots.txt")) {
                body = ("User-agent: *\nAllow: /\nSitemap: " + base + "/sitemap.xml\n").getBytes(StandardCharsets.UTF_8);
                type = "text/plain";
            } else if (path.equals("/sitemap.xml")) {
                body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                        + "<url><loc>" + base + "/news/three</loc></url></urlset>").getBytes(StandardCharsets.UTF_8);
                type = "application/xml";
            } else if (path.startsWith("/amp/")) {
                body = ("<html amp><head><link rel=\"canonical\" href=\"" + base + "/news/four\"></head>"
                        + "<body><p>AMP version</p></body></html>").getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            } else if (path.equals("/feed.xml")) {
                body = feed().getBytes(StandardCharsets.UTF_8);
                type = "application/rss+xml";
            } else if (path.startsWith("/news/")) {
                body = ("<html><head><title>Story " + path + "</title></head><body><p>Story text for " + path
                        + ".</p></body></html>").getBytes(StandardCharsets.UTF_8);
                type = "text/html; charset=utf-8";
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        exitCode = new CommandLine(new Newsflow()).execute("ingest",
                "-b", stack.kafka().bootstrapServers(), "-r", stack.registry().apiUrl(),
                "--allow-host", "127.0.0.1",
                "--url", base + "/fr/debat?utm_source=x",
                "--url", "http://127.0.0.1:" + closedPort + "/gone",
                "--url", base + "/amp/four",
                "--site", base,
                "--feed", base + "/feed.xml");
        Path warc = writeWarc();
        warcRuns = new int[] {
            new CommandLine(new Newsflow()).execute("ingest", "-b", stack.kafka().bootstrapServers(),
                    "-r", stack.registry().apiUrl(), "--warc", warc.toString()),
            new CommandLine(new Newsflow()).execute("ingest", "-b", stack.kafka().bootstrapServers(),
                    "-r", stack.registry().apiUrl(), "--warc", warc.toString())};
        // A restart over the same sources: the fetch-status topic says what was already fetched.
        secondExitCode = new CommandLine(new Newsflow()).execute("ingest",
                "-b", stack.kafka().bootstrapServers(), "-r", stack.registry().apiUrl(),
                "--allow-host", "127.0.0.1", "--feed", base + "/feed.xml");
        collect();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void fetchedPageKeepsItsBytesAndIsKeyedByItsCanonicalUrl() {
        String canonical = base + "/fr/debat";
        RawArticle page = RAW.get(ArticleIds.fromCanonicalUrl(canonical));
        assertThat(page).as("page keyed by canonical URL; got %s", RAW.keySet()).isNotNull();
        assertThat(page.getUrl()).isEqualTo(canonical);
        assertThat(page.getBody().array()).isEqualTo(LATIN1_PAGE);
        assertThat(page.getContentType()).isEqualTo("text/html; charset=iso-8859-1");
        assertThat(page.getCharset()).isEqualTo("iso-8859-1");
        assertThat(page.getHttpStatus()).isEqualTo(200);
        assertThat(page.getSource().getKind()).isEqualTo(SourceKind.URL);
    }

    @Test
    void feedItemsAreFetchedWithTheFeedsHints() {
        RawArticle item = RAW.get(ArticleIds.fromCanonicalUrl(base + "/news/one"));
        assertThat(item).isNotNull();
        assertThat(item.getSource().getKind()).isEqualTo(SourceKind.FEED);
        assertThat(item.getHints().getTitle()).isEqualTo("First story");
        assertThat(item.getHints().getAuthors()).contains("Ana Ruiz");
        assertThat(RAW.get(ArticleIds.fromCanonicalUrl(base + "/news/two"))).isNotNull();
    }

    @Test
    void unreachableHostBecomesDeadLetterWithReasonAndRunStillSucceeds() {
        assertThat(exitCode).isZero();
        assertThat(DEAD.values()).as("dead letters %s", DEAD).anySatisfy(d -> {
            assertThat(d.getStage()).isEqualTo("ingest.fetch");
            assertThat(d.getUrl()).endsWith("/gone");
            // robots.txt cannot be fetched from a dead host: crawlers treat that as "disallow", as Google does.
            assertThat(d.getReason()).containsAnyOf("NETWORK_ERROR", "robots.txt unavailable");
        });
    }

    @Test
    void warcReplayKeepsCaptureTimesAndARerunResumesWithoutReEmitting() {
        assertThat(warcRuns).containsExactly(0, 0);
        for (int i = 0; i < 3; i++) {
            String id = ArticleIds.fromCanonicalUrl("https://archive.example/story/" + i);
            assertThat(RAW_COUNT.get(id)).as("story %d emitted once over two runs", i).isEqualTo(1);
            assertThat(RAW.get(id).getFetchedAt()).isEqualTo(CAPTURED.plusSeconds(i));
            assertThat(RAW.get(id).getSource().getKind()).isEqualTo(SourceKind.WARC);
        }
    }

    private static Path writeWarc() throws IOException {
        Path file = Files.createTempDirectory("newsflow-warc-").resolve("news.warc.gz");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
            for (int i = 0; i < 3; i++) {
                byte[] body = ("<html><body><p>Archived story " + i + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
                HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html; charset=utf-8"), body).build();
                w.write(new WarcResponse.Builder(URI.create("https://archive.example/story/" + i))
                        .date(CAPTURED.plusSeconds(i)).body(http).build());
            }
        }
        return file;
    }

    @Test
    void sitemapsDeclaredInRobotsTxtAreRead() {
        RawArticle page = RAW.get(ArticleIds.fromCanonicalUrl(base + "/news/three"));
        assertThat(page).isNotNull();
        assertThat(page.getSource().getKind()).isEqualTo(SourceKind.SITEMAP);
    }

    @Test
    void ampPageIsReplacedByItsCanonicalFullArticle() {
        RawArticle page = RAW.get(ArticleIds.fromCanonicalUrl(base + "/news/four"));
        assertThat(page).isNotNull();
        assertThat(new String(page.getBody().array(), StandardCharsets.UTF_8)).contains("Story text for /news/four")
                .doesNotContain("AMP version");
    }

    @Test
    void restartDoesNotFetchOrEmitAlreadyFetchedPagesAgain() {
        assertThat(secondExitCode).isZero();
        assertThat(RAW_COUNT.get(ArticleIds.fromCanonicalUrl(base + "/news/one"))).isEqualTo(1);
        assertThat(RAW_COUNT.get(ArticleIds.fromCanonicalUrl(base + "/news/two"))).isEqualTo(1);
    }

    @Test
    void everyFetchOutcomeIsRecordedOnTheFetchStatusTopic() {
        assertThat(STATUS.get(base + "/news/one").getStatus()).isEqualTo("OK");
        assertThat(STATUS.get(base + "/news/one").getHttpStatus()).isEqualTo(200);
        assertThat(STATUS.values()).anySatisfy(o -> {
            assertThat(o.getUrl()).endsWith("/gone");
            assertThat(o.getStatus()).isIn("ROBOTS_DENIED", "NETWORK_ERROR");
            assertThat(o.getReason()).isNotBlank();
        });
    }

    private static void collect() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (TopicReader reader = new TopicReader(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()),
                List.of(topics.raw().name(), topics.deadLetters().name(), topics.fetchStatus().name()), true)) {
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline
                    && (RAW.size() < 8 || DEAD.isEmpty() || System.nanoTime() - quietSince < 3_000_000_000L)) {
                // Keep reading until 3 s pass without records: a duplicate would show up here.
                var records = reader.poll(Duration.ofMillis(250));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (var r : records) {
                    if (r.topic().equals(topics.raw().name())) {
                        RawArticle a = topics.raw().valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
                        RAW.put(a.getId(), a);
                        RAW_COUNT.merge(a.getId(), 1, Integer::sum);
                    } else if (r.topic().equals(topics.fetchStatus().name())) {
                        FetchOutcome o = topics.fetchStatus().valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
                        STATUS.put(o.getUrl(), o);
                    } else {
                        DeadLetter d = topics.deadLetters().valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
                        DEAD.put(String.valueOf(d.getUrl()), d);
                    }
                }
            }
        }
    }

    private static String feed() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Test News</title>
                <link>%1$s/</link><description>d</description>
                <item><title>First story</title><link>%1$s/news/one</link><dc:creator>Ana Ruiz</dc:creator>
                <pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate></item>
                <item><title>Second story</title><link>%1$s/news/two</link></item>
                </channel></rss>
                """.formatted(base);
    }
}
