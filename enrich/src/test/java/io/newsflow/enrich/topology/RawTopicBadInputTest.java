package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.steps.StepSettings;
import io.newsflow.enrich.steps.Steps;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetterProductionHandler;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of {@code news.raw.v1}: each hostile record has its expected outcome (a dead
 * letter of a given stage, or an article with an empty-text reason), and a good record sent after it
 * still comes through. Cases that need the real registry (wrong magic byte, unknown schema id, a
 * header naming another encoding, an older schema version) are in the cli module's PipelineIT.
 */
class RawTopicBadInputTest {

    private static final String PAGE = "<html lang=\"en\"><head><title>Ferry timetable changes</title></head><body>"
            + "<article><h1>Ferry timetable changes</h1><p>The island ferry will sail every forty minutes from "
            + "Monday, the operator said, after a new boat joined the route and the harbour works ended early."
            + "</p><p>Passengers welcomed the change, and the council said fares would stay the same.</p>"
            + "</article></body></html>";

    private final Topics topics = Topics.create(TopicNames.DEFAULTS, new PlainAvroSerdeFactory());

    /** What the corpus expects of one input: a dead letter of a stage, or an article with a property. */
    record Expected(String deadLetterStage, String emptyReason) {
        static Expected deadLetter(String stage) {
            return new Expected(stage, null);
        }

        static Expected article(String emptyReason) {
            return new Expected(null, emptyReason);
        }
    }

    static List<Arguments> corpus() {
        byte[] good = serialize(raw("x", PAGE.getBytes(StandardCharsets.UTF_8), "text/html"));
        byte[] garbage = new byte[1024];
        new Random(3).nextBytes(garbage);
        byte[] tenMegabytes = ("<html><body><article><p>" + "Word after word of one long report. ".repeat(290_000)
                + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
        byte[] controls = new byte[200_000];
        Arrays.fill(controls, (byte) 1);
        return List.of(
                Arguments.of("empty value", (Function<String, byte[]>) k -> new byte[0], Expected.deadLetter("enrich.deserialize")),
                Arguments.of("null value (tombstone)", (Function<String, byte[]>) k -> null, Expected.deadLetter("enrich.deserialize")),
                Arguments.of("random garbage", (Function<String, byte[]>) k -> garbage, Expected.deadLetter("enrich.deserialize")),
                Arguments.of("valid record with trailing bytes", (Function<String, byte[]>) k -> concat(good, new byte[] {7, 7}),
                        Expected.deadLetter("enrich.deserialize")),
                Arguments.of("truncated record", (Function<String, byte[]>) k -> Arrays.copyOf(good, good.length / 2),
                        Expected.deadLetter("enrich.deserialize")),
                Arguments.of("empty body", bodyOf(new byte[0], "text/html"), Expected.article("empty-input")),
                Arguments.of("binary body", bodyOf(garbage, "text/html"), Expected.article("binary")),
                Arguments.of("PDF body", bodyOf("%PDF-1.7\n%âãÏÓ\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1),
                        "application/pdf"), Expected.article("not-html")),
                Arguments.of("JSON body", bodyOf("{\"articles\":[{\"title\":\"x\"}]}".getBytes(StandardCharsets.UTF_8),
                        "application/json"), Expected.article("not-html")),
                Arguments.of("10 MB page", bodyOf(tenMegabytes, "text/html"), Expected.article(null)),
                Arguments.of("control characters as a page", bodyOf(controls, "text/html"), Expected.article("*")),
                Arguments.of("javascript: URL", (Function<String, byte[]>) k -> {
                    RawArticle r = raw(k, PAGE.getBytes(StandardCharsets.UTF_8), "text/html");
                    r.setUrl("javascript:alert(1)");
                    return serialize(r);
                }, Expected.deadLetter("enrich.validate")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachBadRecordHasItsOutcomeAndTheNextGoodRecordStillComesThrough(String name, Function<String, byte[]> value,
                                                                        Expected expected) {
        Properties props = new Properties();
        props.putAll(DeadLetterProductionHandler.streamsProperties(topics.deadLetters().name(), "unused"));
        props.put(DeadLetterProductionHandler.SERDE_FACTORY, PlainAvroSerdeFactory.class.getName());
        try (TopologyTestDriver driver = new TopologyTestDriver(EnrichTopology.build(new EnrichOptions(topics,
                Steps.resolve(Steps.DEFAULT_CHAIN), new StepSettings(Map.of()), "test")), props)) {
            var in = driver.createInputTopic(topics.raw().name(), new StringSerializer(), new ByteArraySerializer());
            var enriched = driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(),
                    topics.enriched().valueSerde().deserializer());
            var dead = driver.createOutputTopic(topics.deadLetters().name(), new StringDeserializer(),
                    topics.deadLetters().valueSerde().deserializer());
            in.pipeInput("bad-1", value.apply("bad-1"));
            in.pipeInput("good-1", serialize(raw("good-1", PAGE.getBytes(StandardCharsets.UTF_8), "text/html")));

            List<EnrichedArticle> articles = enriched.readValuesToList();
            List<TestRecord<String, DeadLetter>> letters = dead.readRecordsToList();
            assertThat(articles).extracting(EnrichedArticle::getId).endsWith("good-1");
            assertThat(articles.get(articles.size() - 1).getText()).contains("island ferry");
            if (expected.deadLetterStage() != null) {
                assertThat(letters).singleElement().satisfies(l -> {
                    assertThat(l.value().getStage()).isEqualTo(expected.deadLetterStage());
                    assertThat(l.value().getReason()).isNotBlank().doesNotContain("\n");
                    assertThat(l.value().getSourceTopic()).isEqualTo(topics.raw().name());
                });
                assertThat(articles).hasSize(1);
            } else {
                assertThat(letters).as("an article, not a dead letter").isEmpty();
                EnrichedArticle bad = articles.get(0);
                assertThat(bad.getId()).isEqualTo("bad-1");
                if (expected.emptyReason() == null) {
                    assertThat(bad.getText()).isNotEmpty();
                    assertThat(bad.getText().length()).isLessThan(5 * 1024 * 1024);
                } else if (!expected.emptyReason().equals("*")) {
                    assertThat(bad.getProcessing().getEmptyReason()).isEqualTo(expected.emptyReason());
                }
                assertThat(bad.getText().chars().filter(c -> c < 0x20 && c != '\n' && c != '\t').count())
                        .as("control characters in the text").isZero();
            }
        }
    }

    private static Function<String, byte[]> bodyOf(byte[] body, String contentType) {
        return id -> serialize(raw(id, body, contentType));
    }

    private static RawArticle raw(String id, byte[] body, String contentType) {
        RawArticle r = EnrichTopologyTest.raw(id, "");
        r.setBody(ByteBuffer.wrap(body));
        r.setContentType(contentType);
        return r;
    }

    private static byte[] serialize(RawArticle raw) {
        return new PlainAvroSerdeFactory().avroValue(RawArticle.class).serializer().serialize("t", raw);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
