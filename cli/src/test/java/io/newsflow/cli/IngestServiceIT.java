package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.newsflow.embedded.EmbeddedStack;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.ids.ArticleIds;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newsflow ingest --follow} as a long-running service: feeds polled, a folder watched, a clean stop. */
class IngestServiceIT {

    private static final Duration GENEROUS = Duration.ofMinutes(2);

    private static EmbeddedStack stack;
    private static HttpServer server;
    private static String base;
    private static Topics topics;

    @BeforeAll
    static void start() throws IOException {
        stack = EmbeddedStack.start(TopicNames.DEFAULTS.topicConfigs(), 1);
        topics = Topics.create(TopicNames.DEFAULTS, RegistrySerdeFactory.create(stack.registry().apiUrl(), Map.of()));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            if (path.equals("/feed.xml")) {
                body = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Followed</title><link>" + base
                        + "/</link><description>d</description><item><title>Live</title><link>" + base
                        + "/news/live</link></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
                type = "application/rss+xml";
            } else if (path.startsWith("/news/")) {
                body = "<html><body><p>Live story.</p></body></html>".getBytes(StandardCharsets.UTF_8);
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
    void followingIngestPollsItsFeedPicksUpAFileDroppedIntoItsInboxAndStopsCleanly() throws Exception {
        Path inbox = Files.createTempDirectory("newsflow-inbox-");
        IngestCommand command = new IngestCommand();
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> new CommandLine(command).execute(
                "-b", stack.kafka().bootstrapServers(), "-r", stack.registry().apiUrl(),
                "--follow", "--allow-host", "127.0.0.1", "--feed", base + "/feed.xml", "--dir", inbox.toString(),
                "-D", "ingest.dir-scan-seconds=0.2"));
        Map<String, RawArticle> raw = new ConcurrentHashMap<>();
        try (TopicReader reader = new TopicReader(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()),
                List.of(topics.raw().name()), true)) {
            String feedPage = ArticleIds.fromCanonicalUrl(base + "/news/live");
            Waits.until("the followed feed's page on " + topics.raw().name(), GENEROUS, () -> read(reader, raw)
                    .containsKey(feedPage));
            Path dropped = inbox.resolve("dropped.html");
            Files.writeString(dropped, "<html><body><p>Dropped into the inbox.</p></body></html>",
                    StandardCharsets.UTF_8);
            String fileId = ArticleIds.fromCanonicalUrl(dropped.toAbsolutePath().normalize().toUri().toString());
            Waits.until("the dropped file on " + topics.raw().name(), GENEROUS, () -> read(reader, raw)
                    .containsKey(fileId));
            assertThat(raw.get(fileId).getSource().getKind()).isEqualTo(SourceKind.FILE);
            assertThat(raw.get(feedPage).getSource().getKind()).isEqualTo(SourceKind.FEED);
            assertThat(running).as("still following").isNotDone();
        } finally {
            command.stop();
        }
        assertThat(running.get(GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("exit status after a stop").isZero();
    }

    @Test
    void wrongBootstrapAddressFailsFastWithOneLine() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliRun run = CliRun.run(new CommandLine(new IngestCommand()), Duration.ofSeconds(60), "-b", "127.0.0.1:" + closed, "-r",
                stack.registry().apiUrl(), "-D", "preflight.timeout-seconds=3", "--url", base + "/news/x");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("newsflow ingest:")).toList())
                .singleElement().satisfies(l -> assertThat(l).contains("127.0.0.1:" + closed));
    }

    private static Map<String, RawArticle> read(TopicReader reader, Map<String, RawArticle> into) {
        for (var r : reader.poll(Duration.ofMillis(200))) {
            RawArticle a = topics.raw().valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
            into.put(a.getId(), a);
        }
        return into;
    }
}
