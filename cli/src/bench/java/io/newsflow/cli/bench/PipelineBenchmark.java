package io.newsflow.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.embedded.EmbeddedStack;
import io.newsflow.enrich.service.EnrichService;
import io.newsflow.ingest.pipeline.WarcIngest;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.url.UrlCanonicalizer;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * End-to-end throughput on one machine, a harness that prints figures (no assertions): a WARC of
 * news pages replayed into a real broker (records/s, with the broker's own produce rate as the
 * natural ceiling), then the enrich topology (exactly-once, all default steps plus dedupe) working
 * through them (articles/s). Pages are built from the extraction benchmark's article texts when
 * {@code ../shared} is present, so the NLP steps see real news prose.
 *
 * <p>Arguments: {@code [records=20000] [sharedDir]}.
 */
public final class PipelineBenchmark {

    private PipelineBenchmark() {
    }

    /** Runs the benchmark. */
    public static void main(String[] args) throws IOException, InterruptedException {
        int records = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 20_000;
        Path shared = Path.of(args.length > 1 ? args[1] : "../../shared");
        List<String> texts = texts(shared);
        Path dir = Files.createTempDirectory("newsflow-bench-");
        Path warc = dir.resolve("bench.warc.gz");
        long bytes = writeWarc(warc, texts, records);
        System.out.printf(Locale.ROOT, "WARC: %d records, %.1f MB compressed, %d distinct article texts%n",
                records, bytes / 1e6, texts.size());
        try (EmbeddedStack stack = EmbeddedStack.start(TopicNames.DEFAULTS.topicConfigs(), 2)) {
            Topics topics = Topics.create(TopicNames.DEFAULTS, RegistrySerdeFactory.create(stack.registry().apiUrl(), Map.of()));
            Map<String, Object> kafka = Map.of("bootstrap.servers", stack.kafka().bootstrapServers());
            long t0 = System.nanoTime();
            try (RawArticleSink sink = new RawArticleSink(kafka, topics)) {
                new WarcIngest(sink, new UrlCanonicalizer()).replay(warc, (share, n) -> { });
            }
            double replay = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "WARC replay into the broker: %.0f records/s (%.1f s)%n", records / replay, replay);

            ServiceConfig config = ServiceConfig.load(EnrichService.DEFAULTS, null, Map.of(), Map.of()).with(Map.of(
                    "kafka.bootstrap.servers", stack.kafka().bootstrapServers(),
                    "registry.url", stack.registry().apiUrl(),
                    "kafka.state.dir", dir.resolve("state").toString(),
                    "kafka.num.stream.threads", "2"));
            long t1 = System.nanoTime();
            try (KafkaStreams enrich = EnrichService.create(config)) {
                enrich.start();
                long done = await(stack.kafka().bootstrapServers(), topics.enriched().name(), records);
                double secs = (System.nanoTime() - t1) / 1e9;
                System.out.printf(Locale.ROOT, "enrich (exactly-once, %s + dedupe, 2 threads on %d cores): "
                                + "%d articles in %.1f s = %.0f articles/s (start-up included)%n",
                        config.get("enrich.steps"), Runtime.getRuntime().availableProcessors(), done, secs, done / secs);
                enrich.close(Duration.ofSeconds(30));
            }
        }
    }

    private static long await(String bootstrap, String topic, int expected) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long seen = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (seen < expected && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(500)).count();
            }
            return seen;
        }
    }

    private static long writeWarc(Path file, List<String> texts, int records) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WarcWriter w = new WarcWriter(ch, WarcCompression.GZIP)) {
            Instant t = Instant.parse("2024-03-01T00:00:00Z");
            for (int i = 0; i < records; i++) {
                String text = texts.get(i % texts.size());
                String html = page(i, text);
                HttpResponse http = new HttpResponse.Builder(200, "OK")
                        .body(MediaType.parse("text/html; charset=utf-8"), html.getBytes(StandardCharsets.UTF_8)).build();
                w.write(new WarcResponse.Builder(URI.create("https://news" + (i % 50) + ".example/a/" + i))
                        .date(t.plusSeconds(i)).body(http).build());
            }
        }
        return Files.size(file);
    }

    private static String page(int i, String text) {
        StringBuilder sb = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story ")
                .append(i).append(" | Example News</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a>"
                        + " <a href=\"/business\">Business</a></nav><article><h1>Story ").append(i).append("</h1>");
        for (String p : text.split("\n+")) {
            sb.append("<p>").append(p.replace("&", "&amp;").replace("<", "&lt;")).append("</p>");
        }
        return sb.append("</article><footer>About us · Contact · Privacy</footer></body></html>").toString();
    }

    private static List<String> texts(Path shared) throws IOException {
        Path truth = shared.resolve("extraction-benchmark/ground-truth.json");
        List<String> out = new ArrayList<>();
        if (Files.exists(truth)) {
            JsonNode all = new ObjectMapper().readTree(truth.toFile());
            for (Iterator<JsonNode> it = all.elements(); it.hasNext(); ) {
                out.add(it.next().path("articleBody").asText());
            }
        } else {
            out.add(("The council met on Monday and agreed a new budget for schools and roads. ").repeat(40));
        }
        return out;
    }
}
