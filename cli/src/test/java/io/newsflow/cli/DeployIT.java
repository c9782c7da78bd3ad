package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.embedded.EmbeddedStack;
import io.newsflow.enrich.service.EnrichService;
import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.ids.ArticleIds;
import io.newsflow.schemas.serde.confluent.ConfluentRegistryClient;
import io.newsflow.schemas.serde.confluent.RegistryClientConfig;
import io.newsflow.schemas.topics.TopicNames;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Newsflow on a cluster as a Kafka shop runs it: topics created by {@code newsflow topics create},
 * schemas registered by {@code newsflow schemas register}, and the registry reached only through its
 * Confluent-compatible API, the way Confluent Schema Registry, Karapace or Redpanda would be.
 */
class DeployIT {

    private static EmbeddedStack stack;
    private static String ccompat;
    private static ConfluentRegistryClient registry;

    @BeforeAll
    static void start() {
        stack = EmbeddedStack.start(Map.of(), 1);
        ccompat = stack.registry().confluentCompatibleUrl();
        registry = new ConfluentRegistryClient(RegistryClientConfig.from(ccompat, Map.of()));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void topicsCreateIsIdempotentAndDescribeSaysWhatDiffers() throws Exception {
        var expected = TopicNames.DEFAULTS.topicConfigs();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
            // Another test of this class may have created them already: created or there, each once.
            assertThat(TopicsCommand.create(admin, expected, 3, (short) 1, false))
                    .allMatch(l -> l.startsWith("created\t") || l.startsWith("exists\t")).hasSize(expected.size());
            assertThat(TopicsCommand.create(admin, expected, 3, (short) 1, false))
                    .allMatch(l -> l.startsWith("exists\t"));
            assertThat(TopicsCommand.describe(admin, expected)).allMatch(l -> l.startsWith("ok\t"));

            var resource = new ConfigResource(ConfigResource.Type.TOPIC, TopicNames.DEFAULTS.fetchStatus());
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET)))).all().get();
            assertThat(TopicsCommand.describe(admin, expected)).filteredOn(l -> !l.startsWith("ok\t")).singleElement()
                    .asString().startsWith("differs\tnews.fetch-status.v1")
                    .contains("cleanup.policy is delete, expected compact");
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                    new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    @Test
    void aClosedPortOrAnUnknownHostFailsFastWithOneLine() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String closed = "127.0.0.1:" + port;
        assertFailsFast(closed, "topics", "describe", "-b", closed);
        assertFailsFast(closed, "enrich", "-b", closed, "-r", ccompat, "-D", "preflight.timeout-seconds=5");
        assertFailsFast("no-such-host.invalid", "tail", "-b", "no-such-host.invalid:9092");
        assertFailsFast("registry at http://" + closed, "schemas", "register", "-r", "http://" + closed);
        assertFailsFast("has no topic news.missing.v1", "produce", "-b", stack.kafka().bootstrapServers(),
                "-r", ccompat, "-D", "topic.raw=news.missing.v1", "--url", "https://x.test/a", "-");
    }

    private static void assertFailsFast(String mentioned, String... args) {
        long start = System.nanoTime();
        CliRun run = CliRun.newsflow(Duration.ofSeconds(60), args);
        String output = run.err();
        assertThat(run.exit()).as(output).isNotZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(String.join(" ", args)).isLessThan(Duration.ofSeconds(20));
        assertThat(output.lines().filter(l -> l.startsWith("newsflow " + args[0]))).as(output)
                .singleElement().asString().contains(mentioned);
        assertThat(output).as("no stack trace").doesNotContain("\tat ");
    }

    @Test
    void aProducerInAnotherLanguageAndAConsumerByLatestSubjectWorkThroughTheConfluentApiOnly() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
            TopicsCommand.create(admin, TopicNames.DEFAULTS.topicConfigs(), 3, (short) 1, false);
        }
        assertThat(new CommandLine(new Newsflow()).execute("schemas", "register", "-r", ccompat)).isZero();
        for (String subject : List.of("news.raw.v1-value", "news.enriched.v1-value")) {
            assertThat(registry.compatibility(subject)).as(subject).contains("BACKWARD");
        }

        Path state = Files.createTempDirectory("deploy-it-state-");
        Map<String, String> connection = Map.of("kafka.bootstrap.servers", stack.kafka().bootstrapServers(),
                "registry.url", ccompat, "kafka.state.dir", state.toString(), "kafka.commit.interval.ms", "100");
        List<KafkaStreams> apps = List.of(
                EnrichService.create(EmbeddedPipeline.config(EnrichService.DEFAULTS, connection, Map.of())),
                PublishService.create(EmbeddedPipeline.config(PublishService.DEFAULTS, connection,
                        Map.of("publish.http.port", ""))).streams());
        try {
            apps.forEach(KafkaStreams::start);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(produceByHand("https://harbour.test/news/" + i));
            }
            Map<String, GenericRecord> enriched = readBySubject("news.enriched.v1", Set.copyOf(ids));
            assertThat(enriched.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(enriched.values()).allSatisfy(r ->
                    assertThat(r.get("text").toString()).contains("harbour ferry"));
            // Ingest's own producer (newsflow produce) through the same Confluent-compatible URL.
            Path page = Files.createTempFile(state, "page-", ".html");
            Files.writeString(page, "<html lang=\"en\"><head><title>Harbour works</title></head><body><article>"
                    + "<h1>Harbour works finish early</h1><p>The harbour ferry pier reopened on Friday after the "
                    + "repairs finished two weeks early, the port authority said in a statement.</p></article></body></html>");
            String url = "https://harbour.test/news/produced";
            assertThat(Newsflow.commandLine().execute("produce", "-b", stack.kafka().bootstrapServers(), "-r", ccompat,
                    "--url", url, page.toString())).isZero();
            ids.add(ArticleIds.fromCanonicalUrl(url));
            assertThat(readBySubject("news.enriched.v1", Set.copyOf(ids)).keySet()).containsAll(ids);
            assertThat(readJson(Set.copyOf(ids))).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(registry.subjects()).as("no subject of an internal topic").allMatch(s -> s.startsWith("news."));
        } finally {
            apps.forEach(a -> a.close(Duration.ofSeconds(20)));
        }
    }

    /** What a Python or Go producer does: fetch the schema by subject, write byte 0 + id + Avro binary. */
    private static String produceByHand(String url) throws Exception {
        var latest = registry.latest("news.raw.v1-value").orElseThrow();
        Schema schema = latest.schema();
        GenericRecord raw = new GenericData.Record(schema);
        String id = ArticleIds.fromCanonicalUrl(url);
        raw.put("id", id);
        raw.put("url", url);
        raw.put("fetchedAt", Instant.now().toEpochMilli());
        raw.put("httpStatus", 200);
        raw.put("contentType", "text/html; charset=utf-8");
        raw.put("headers", Map.of());
        raw.put("body", ByteBuffer.wrap(("<html lang=\"en\"><head><title>Ferry news</title></head><body><article>"
                + "<h1>New harbour ferry starts</h1><p>The new harbour ferry made its first crossing on Monday "
                + "morning, the port authority said, and will run every half hour until late in the evening.</p>"
                + "<p>Commuters said the crossing was quicker than the old bridge route.</p></article></body></html>")
                .getBytes(StandardCharsets.UTF_8)));
        raw.put("truncated", false);
        Schema sourceSchema = schema.getField("source").schema();
        GenericRecord source = new GenericData.Record(sourceSchema);
        source.put("kind", new GenericData.EnumSymbol(sourceSchema.getField("kind").schema(), "PRODUCER"));
        source.put("name", "a producer in another language");
        raw.put("source", source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(latest.id()).array());
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(raw, encoder);
        encoder.flush();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                stack.kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("news.raw.v1", id, out.toByteArray())).get();
        }
        return id;
    }

    /** The ids on the JSON projection, read as Kafka's console consumer would (read_committed). */
    private static Set<String> readJson(Set<String> ids) {
        Set<String> out = new java.util.HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (TopicReader reader = new TopicReader(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()),
                List.of("news.enriched.json.v1"), true)) {
            while (!out.containsAll(ids) && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(250)).forEach(r -> out.add(r.key()));
            }
        }
        out.retainAll(ids);
        return out;
    }

    /** What a consumer that knows only the subject does: decode every record with the latest schema. */
    private static Map<String, GenericRecord> readBySubject(String topic, Set<String> ids) {
        Map<String, GenericRecord> out = new HashMap<>();
        Map<String, Object> kafka = Map.of("bootstrap.servers", stack.kafka().bootstrapServers());
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (TopicReader reader = new TopicReader(kafka, List.of(topic), true)) {
            while (!out.keySet().containsAll(ids) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(250))) {
                    Schema latest = registry.latest(topic + "-value").orElseThrow().schema();
                    Schema writer = registry.schemaById(ByteBuffer.wrap(r.value(), 1, 4).getInt());
                    var decoder = DecoderFactory.get().binaryDecoder(r.value(), 5, r.value().length - 5, null);
                    try {
                        out.put(r.key(), new GenericDatumReader<GenericRecord>(writer, latest).read(null, decoder));
                    } catch (java.io.IOException e) {
                        throw new AssertionError("cannot decode " + r.key() + " with the latest schema", e);
                    }
                }
            }
        }
        return out;
    }
}
