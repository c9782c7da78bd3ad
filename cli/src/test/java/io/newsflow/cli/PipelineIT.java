package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.deadletter.DeadLetterQueue;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole pipeline on a real KRaft broker and a real Apicurio registry. */
class PipelineIT {

    private static final String PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8">
            <title>Tram line opens in Lakeside - Lakeside Courier</title></head><body>
            <header><nav><a href="/">Home</a><a href="/city">City</a><a href="/sport">Sport</a></nav></header>
            <article><h1>Tram line opens in Lakeside</h1>
            <p>The new tram line between Lakeside station and the university opened on Saturday, the
            transport authority said, after three years of construction and a long dispute over its cost.</p>
            <p>Mayor Elena Brandt rode the first tram and said the line would take thousands of cars off
            the road every day, while opposition councillors said the budget had doubled since 2021.</p>
            <p>Trams will run every six minutes at peak times, and tickets cost the same as on buses.</p>
            </article><footer>&copy; Lakeside Courier</footer></body></html>
            """;

    private static EmbeddedPipeline pipeline;
    private static Topics topics;
    private static Map<String, Object> kafka;

    @BeforeAll
    static void start() {
        pipeline = EmbeddedPipeline.start(2, Map.of("kafka.commit.interval.ms", "100"));
        topics = Topics.create(TopicNames.DEFAULTS, RegistrySerdeFactory.create(pipeline.registryUrl(), Map.of()));
        kafka = Map.of("bootstrap.servers", pipeline.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void enrichedRecordsUseConfluentWireFormatWithIdResolvableInRegistry() throws Exception {
        send(raw("wire-1"));
        ConsumerRecord<String, byte[]> record = await(topics.enriched().name(), r -> "wire-1".equals(r.key()));
        byte[] value = record.value();
        assertThat(value[0]).as("magic byte").isZero();
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        HttpResponse<String> schema = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(pipeline.confluentRegistryUrl() + "/schemas/ids/" + schemaId)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("EnrichedArticle");

        EnrichedArticle article = topics.enriched().valueSerde().deserializer()
                .deserialize(record.topic(), record.headers(), value);
        assertThat(article.getId()).isEqualTo("wire-1");
        assertThat(article.getText()).contains("new tram line between Lakeside station").doesNotContain("Home");
    }

    @Test
    void corruptRawRecordLandsInDeadLettersAndNextGoodRecordStillComesThrough() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", pipeline.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.raw().name(), "poison", "not avro at all".getBytes(StandardCharsets.UTF_8))).get();
        }
        send(raw("after-poison"));

        ConsumerRecord<String, byte[]> dead = await(topics.deadLetters().name(), r -> "poison".equals(r.key()));
        DeadLetter letter = topics.deadLetters().valueSerde().deserializer().deserialize(dead.topic(), dead.headers(), dead.value());
        assertThat(letter.getStage()).isEqualTo("enrich.deserialize");
        assertThat(letter.getSourceTopic()).isEqualTo(topics.raw().name());
        assertThat(letter.getSourceOffset()).isGreaterThanOrEqualTo(0);
        assertThat(new String(letter.getValue().array(), StandardCharsets.UTF_8)).isEqualTo("not avro at all");
        assertThat(dead.headers().lastHeader("newsflow.error.stage")).isNotNull();

        assertThat(await(topics.enriched().name(), r -> "after-poison".equals(r.key()))).isNotNull();
    }

    @Test
    void publishWritesJsonProjectionOfEachEnrichedArticle() throws Exception {
        send(raw("json-1"));
        ConsumerRecord<String, byte[]> record = await(topics.enrichedJson().name(), r -> "json-1".equals(r.key()));
        JsonNode json = new ObjectMapper().readTree(record.value());
        assertThat(json.get("id").asText()).isEqualTo("json-1");
        assertThat(json.get("title").asText()).contains("Tram line opens");
        assertThat(json.get("text").asText()).contains("Mayor Elena Brandt");
    }

    @Test
    void aHeaderNamingAnotherEncodingNeitherBreaksItsRecordNorPoisonsLaterOnes() throws Exception {
        byte[] value = topics.raw().valueSerde().serializer().serialize(topics.raw().name(), raw("hdr-1"));
        var poisoned = new ProducerRecord<>(topics.raw().name(), "hdr-1", value);
        poisoned.headers().add("apicurio.value.encoding", "JSON".getBytes(StandardCharsets.UTF_8));
        sendBytes(poisoned);
        send(raw("hdr-2"));
        assertThat(await(topics.enriched().name(), r -> "hdr-1".equals(r.key())).headers().toArray()).isEmpty();
        assertThat(await(topics.enriched().name(), r -> "hdr-2".equals(r.key()))).isNotNull();
    }

    @Test
    void unknownSchemaIdIsOneDeadLetterWithAOneLineReasonAndEnrichGoesOn() throws Exception {
        byte[] value = topics.raw().valueSerde().serializer().serialize(topics.raw().name(), raw("unknown-id"));
        ByteBuffer.wrap(value).putInt(1, 987_654);
        sendBytes(new ProducerRecord<>(topics.raw().name(), "unknown-id", value));
        send(raw("after-unknown-id"));
        DeadLetter letter = letter(await(topics.deadLetters().name(), r -> "unknown-id".equals(r.key())));
        assertThat(letter.getStage()).isEqualTo("enrich.deserialize");
        assertThat(letter.getReason()).startsWith("cannot decode record on news.raw.v1").doesNotContain("\n");
        assertThat(await(topics.enriched().name(), r -> "after-unknown-id".equals(r.key()))).isNotNull();
    }

    @Test
    void aSixteenMegabyteUndecodableValueBecomesADeadLetterThatFitsAndLaterRecordsFlow() throws Exception {
        byte[] junk = new byte[16 * 1024 * 1024];
        java.util.Arrays.fill(junk, (byte) 'j');
        sendBytes(new ProducerRecord<>(topics.raw().name(), "huge-junk", junk));
        send(raw("after-huge-junk"));
        ConsumerRecord<String, byte[]> dead = await(topics.deadLetters().name(), r -> "huge-junk".equals(r.key()));
        assertThat(dead.value().length).isLessThan(1_000_000);
        DeadLetter letter = letter(dead);
        assertThat(letter.getValueTruncated()).isTrue();
        assertThat(letter.getValueSize()).isEqualTo(junk.length);
        assertThat(letter.getValueSha256()).isEqualTo(DeadLetters.sha256(junk));
        assertThat(await(topics.enriched().name(), r -> "after-huge-junk".equals(r.key()))).isNotNull();
    }

    @Test
    void replayWritesEachChosenDeadLetterOnceAndAFailedReplayCountsItsAttempt() throws Exception {
        // A dead letter whose input is fine now (as after a fix): replayed, it is enriched.
        byte[] good = topics.raw().valueSerde().serializer().serialize(topics.raw().name(), raw("replay-ok"));
        DeadLetter fixable = DeadLetters.of("enrich.test-outage", "failed before the fix", null,
                new DeadLetters.Origin(topics.raw().name(), 0, 0), "replay-ok".getBytes(StandardCharsets.UTF_8),
                good, "replay-ok", null);
        var record = new ProducerRecord<>(topics.deadLetters().name(), "replay-ok",
                topics.deadLetters().valueSerde().serializer().serialize(topics.deadLetters().name(), fixable));
        sendBytes(record);
        // A dead letter that fails again when replayed: its new dead letter is attempt 2.
        sendBytes(new ProducerRecord<>(topics.raw().name(), "replay-bad", "still not avro".getBytes(StandardCharsets.UTF_8)));
        await(topics.deadLetters().name(), r -> "replay-bad".equals(r.key()));

        var filter = new DeadLetterQueue.Filter(null, null, null);
        try (DeadLetterQueue dlq = new DeadLetterQueue(kafka, topics)) {
            var first = dlq.replay(new DeadLetterQueue.Filter("enrich.test-outage", null, null), false);
            assertThat(first).extracting(DeadLetterQueue.Replay::status).containsExactly(DeadLetterQueue.Replay.Status.REPLAYED);
            var bad = dlq.replay(new DeadLetterQueue.Filter("enrich.deserialize", null, "replay-bad"), false);
            assertThat(bad).extracting(DeadLetterQueue.Replay::status).containsExactly(DeadLetterQueue.Replay.Status.REPLAYED);
        }
        assertThat(await(topics.enriched().name(), r -> "replay-ok".equals(r.key()))).isNotNull();
        DeadLetter again = letter(await(topics.deadLetters().name(),
                r -> "replay-bad".equals(r.key()) && letter(r).getAttempt() == 2));
        assertThat(new String(again.getValue().array(), StandardCharsets.UTF_8)).isEqualTo("still not avro");

        try (DeadLetterQueue dlq = new DeadLetterQueue(kafka, topics)) {
            var second = dlq.replay(new DeadLetterQueue.Filter("enrich.test-outage", null, null), false);
            assertThat(second).extracting(DeadLetterQueue.Replay::status)
                    .containsExactly(DeadLetterQueue.Replay.Status.ALREADY_REPLAYED);
            assertThat(dlq.list(filter)).anySatisfy(e -> assertThat(e.letter().getAttempt()).isEqualTo(2));
            var listed = dlq.list(filter).get(0);
            assertThat(dlq.get(listed.partition(), listed.offset())).get()
                    .satisfies(e -> assertThat(e.letter()).isEqualTo(listed.letter()));
        }
        java.io.StringWriter out = new java.io.StringWriter();
        int code = new picocli.CommandLine(new Newsflow()).setOut(new java.io.PrintWriter(out))
                .execute("dlq", "list", "-b", pipeline.bootstrapServers(), "-r", pipeline.registryUrl(),
                        "--stage", "enrich.", "--id", "replay-bad");
        assertThat(code).isZero();
    }

    @Test
    void aRawArticleWrittenWithAnOlderSchemaVersionIsStillRead() throws Exception {
        // An older producer's schema: today's RawArticle without the fields added later (all optional).
        var current = RawArticle.getClassSchema();
        List<org.apache.avro.Schema.Field> fields = current.getFields().stream()
                .filter(f -> !List.of("hints", "finalUrl", "charset", "truncated").contains(f.name()))
                .map(f -> new org.apache.avro.Schema.Field(f, f.schema())).toList();
        var older = org.apache.avro.Schema.createRecord(current.getName(), current.getDoc(), current.getNamespace(),
                false, fields);
        RawArticle now = raw("older-schema");
        var record = new org.apache.avro.generic.GenericData.Record(older);
        for (var f : fields) {
            record.put(f.name(), now.get(f.name()));
        }
        record.put("fetchedAt", now.getFetchedAt().toEpochMilli());
        var sourceSchema = older.getField("source").schema();
        var source = new org.apache.avro.generic.GenericData.Record(sourceSchema);
        source.put("kind", new org.apache.avro.generic.GenericData.EnumSymbol(
                sourceSchema.getField("kind").schema(), "PRODUCER"));
        source.put("name", "an older producer");
        record.put("source", source);
        var serde = new io.apicurio.registry.serde.avro.AvroSerde<org.apache.avro.generic.GenericRecord>();
        Map<String, Object> config = new java.util.HashMap<>(RegistrySerdeFactory.create(pipeline.registryUrl(), Map.of()).config());
        config.remove("apicurio.registry.use-specific-avro-reader");
        serde.configure(config, false);
        sendBytes(new ProducerRecord<>(topics.raw().name(), "older-schema",
                serde.serializer().serialize(topics.raw().name(), record)));
        ConsumerRecord<String, byte[]> out = await(topics.enriched().name(), r -> "older-schema".equals(r.key()));
        assertThat(topics.enriched().valueSerde().deserializer().deserialize(out.topic(), out.value()).getText())
                .contains("new tram line between Lakeside station");
    }

    private static DeadLetter letter(ConsumerRecord<String, byte[]> record) {
        return topics.deadLetters().valueSerde().deserializer().deserialize(record.topic(), record.value());
    }

    private static void sendBytes(ProducerRecord<String, byte[]> record) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", pipeline.bootstrapServers(),
                "max.request.size", 20 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get();
        }
    }

    private static void send(RawArticle article) {
        try (RawArticleSink sink = new RawArticleSink(kafka, topics)) {
            sink.send(article);
            sink.flush();
            assertThat(sink.sent()).isEqualTo(1);
        }
    }

    private static ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (TopicReader reader = new TopicReader(kafka, List.of(topic), true)) {
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : reader.poll(Duration.ofMillis(250))) {
                    if (match.test(r)) {
                        return r;
                    }
                    seen.add(r.key());
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within 60 s; saw keys " + seen);
    }

    private static RawArticle raw(String id) {
        return RawArticle.newBuilder().setId(id).setUrl("https://courier.test/city/" + id)
                .setFetchedAt(Instant.now()).setHttpStatus(200).setContentType("text/html; charset=utf-8")
                .setBody(ByteBuffer.wrap(PAGE.getBytes(StandardCharsets.UTF_8)))
                .setSource(new Source(SourceKind.PRODUCER, "PipelineIT")).build();
    }
}
