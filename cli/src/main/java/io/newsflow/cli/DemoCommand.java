package io.newsflow.cli;

import io.newsflow.ingest.files.FileIngest;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs the pipeline end to end on an embedded broker and registry over the sample pages: prints
 * {@code bootstrap.servers=} and {@code publish.url=} lines, then every enriched article as a JSON
 * line on stdout, progress and a summary on stderr, and stops.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on an embedded Kafka + registry over the sample pages, print the enriched articles as JSON lines, stop.")
final class DemoCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", description = "Pages or folders to ingest (default: the samples folder).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--timeout", description = "Give up waiting for results after this many seconds (default ${DEFAULT-VALUE}).")
    int timeoutSeconds = 180;

    @Option(names = "--partitions", description = "Partitions per topic (default ${DEFAULT-VALUE}).")
    int partitions = 2;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        long started = System.nanoTime();
        List<Path> roots = inputs.isEmpty() ? List.of(Samples.folder()) : inputs;
        err.println("newsflow demo: starting Kafka (KRaft) and Apicurio Registry ...");
        try (EmbeddedPipeline pipeline = EmbeddedPipeline.start(partitions, Map.of())) {
            err.printf("newsflow demo: broker %s, registry %s; enrich and publish running (%.1f s)%n",
                    pipeline.bootstrapServers(), pipeline.confluentRegistryUrl(), seconds(started));
            // Machine-readable, like local's, before the JSON lines: where to connect while it runs.
            System.out.println("bootstrap.servers=" + pipeline.bootstrapServers());
            System.out.println("publish.url=" + pipeline.publishUrl());
            System.out.flush();
            Topics topics = Topics.create(TopicNames.DEFAULTS,
                    RegistrySerdeFactory.create(pipeline.registryUrl(), Map.of()));
            Map<String, Object> kafka = Map.of("bootstrap.servers", pipeline.bootstrapServers());
            int files;
            try (RawArticleSink sink = new RawArticleSink(kafka, topics)) {
                files = new FileIngest(sink, 32L * 1024 * 1024).ingest(roots);
                sink.flush();
                err.printf("newsflow demo: ingested %d pages from %s (%d unreadable)%n", sink.sent(), roots,
                        sink.deadLetters());
            }
            Summary summary = collect(kafka, topics, files, Duration.ofSeconds(timeoutSeconds));
            err.println(summary.render(seconds(started)));
            return summary.complete(files) ? 0 : 1;
        }
    }

    private Summary collect(Map<String, Object> kafka, Topics topics, int expected, Duration timeout) {
        Summary summary = new Summary();
        ObjectMapper json = new ObjectMapper();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (TopicReader reader = new TopicReader(kafka,
                List.of(topics.enrichedJson().name(), topics.deadLetters().name()), true)) {
            while (!summary.complete(expected) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals(topics.enrichedJson().name())) {
                        String line = new String(r.value(), StandardCharsets.UTF_8);
                        System.out.println(line);
                        summary.article(parse(json, line));
                    } else {
                        summary.deadLetter(topics.deadLetters().valueSerde().deserializer()
                                .deserialize(r.topic(), r.headers(), r.value()));
                    }
                }
            }
        }
        System.out.flush();
        return summary;
    }

    private static JsonNode parse(ObjectMapper json, String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("publish wrote invalid JSON: " + e.getMessage(), e);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** What came out, for the human summary on stderr. */
    private static final class Summary {
        private final List<String> rows = new ArrayList<>();
        private final List<String> dead = new ArrayList<>();
        private final java.util.Set<String> done = new java.util.HashSet<>();

        void article(JsonNode a) {
            done.add(a.path("id").asText());
            rows.add(String.format("  %-4s %5d words %3d entities  %-28s %s",
                    a.path("language").asText("?"), a.path("wordCount").asInt(), a.path("entities").size(),
                    topTopic(a), abbreviate(a.path("title").asText("(no title)"), 70)));
        }

        void deadLetter(DeadLetter d) {
            // A failed optional step yields a dead letter and a published article for one page.
            done.add(d.getArticleId() == null ? "dead-" + dead.size() : d.getArticleId());
            dead.add("  " + d.getStage() + ": " + abbreviate(d.getReason(), 100));
        }

        boolean complete(int expected) {
            return done.size() >= expected;
        }

        String render(double seconds) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("newsflow demo: %d enriched articles, %d dead letters in %.1f s%n",
                    rows.size(), dead.size(), seconds));
            rows.forEach(r -> sb.append(r).append('\n'));
            dead.forEach(r -> sb.append(r).append('\n'));
            return sb.toString().stripTrailing();
        }

        private static String topTopic(JsonNode a) {
            JsonNode t = a.path("topics");
            return t.isEmpty() ? "-" : t.get(0).path("label").asText();
        }

        private static String abbreviate(String s, int max) {
            return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
        }
    }

    /** Where the shipped sample pages are. */
    static final class Samples {
        private Samples() {
        }

        static Path folder() {
            String home = System.getProperty("newsflow.home");
            Path dir = home != null ? Path.of(home, "samples") : Path.of("samples");
            if (!Files.isDirectory(dir)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new DemoCommand()),
                        "sample folder " + dir.toAbsolutePath() + " not found: pass pages or folders to ingest");
            }
            return dir;
        }
    }
}
