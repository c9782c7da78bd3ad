package io.newsflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.publish.topology.PublishTopology;
import io.newsflow.schemas.avro.DateInfo;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Processing;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.avro.Span;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublishTopologyTest {

    private final Topics topics = Topics.create(TopicNames.DEFAULTS, new PlainAvroSerdeFactory());
    private TopologyTestDriver driver;

    @BeforeEach
    void setUp() {
        driver = new TopologyTestDriver(PublishTopology.build(topics));
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void projectsEnrichedArticleToOneJsonLineWithDatesAndEntities() throws Exception {
        var in = driver.createInputTopic(topics.enriched().name(), new StringSerializer(),
                topics.enriched().valueSerde().serializer());
        var out = driver.createOutputTopic(topics.enrichedJson().name(), new StringDeserializer(), new StringDeserializer());
        in.pipeInput("a1", article());
        var record = out.readKeyValue();
        assertThat(record.key).isEqualTo("a1");
        assertThat(record.value).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(record.value);
        assertThat(json.get("title").asText()).isEqualTo("Council passes budget");
        assertThat(json.get("published").asText()).isEqualTo("2024-03-01T10:00+01:00");
        assertThat(json.get("publishedSource").asText()).isEqualTo("json-ld");
        assertThat(json.get("entities").get(0).get("name").asText()).isEqualTo("Jane Doe");
        assertThat(json.get("entities").get(0).get("type").asText()).isEqualTo("PERSON");
        assertThat(json.has("duplicateOf")).isFalse();
        assertThat(json.get("source").get("kind").asText()).isEqualTo("FILE");
    }

    @Test
    void routesUndecodableEnrichedRecordToDeadLettersAndKeepsGoing() {
        var raw = driver.createInputTopic(topics.enriched().name(), new StringSerializer(), new ByteArraySerializer());
        var in = driver.createInputTopic(topics.enriched().name(), new StringSerializer(),
                topics.enriched().valueSerde().serializer());
        var dlq = driver.createOutputTopic(topics.deadLetters().name(), new StringDeserializer(),
                topics.deadLetters().valueSerde().deserializer());
        var out = driver.createOutputTopic(topics.enrichedJson().name(), new StringDeserializer(), new StringDeserializer());
        raw.pipeInput("bad", new byte[] {1, 2, 3});
        in.pipeInput("a1", article());
        DeadLetter letter = dlq.readValue();
        assertThat(letter.getStage()).isEqualTo("publish.decode");
        assertThat(letter.getSourceTopic()).isEqualTo(topics.enriched().name());
        assertThat(letter.getValue().array()).containsExactly(1, 2, 3);
        assertThat(out.readKeyValue().key).isEqualTo("a1");
        // Counted by stage in the Streams metrics the service exports (as dead_letter_total).
        assertThat(driver.metrics().entrySet().stream()
                .filter(m -> m.getKey().name().equals("dead-letter-total")
                        && "publish.decode".equals(m.getKey().tags().get("newsflow-id")))
                .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).sum()).isEqualTo(1.0);
    }

    @Test
    void projectionOverTheRecordLimitIsADeadLetterAndLaterArticlesStillFlow() {
        driver.close();
        driver = new TopologyTestDriver(PublishTopology.build(topics, 4_000, Duration.ofSeconds(1)));
        var in = driver.createInputTopic(topics.enriched().name(), new StringSerializer(),
                topics.enriched().valueSerde().serializer());
        var dlq = driver.createOutputTopic(topics.deadLetters().name(), new StringDeserializer(),
                topics.deadLetters().valueSerde().deserializer());
        var out = driver.createOutputTopic(topics.enrichedJson().name(), new StringDeserializer(), new StringDeserializer());
        // Control characters are escaped as six characters each in JSON: 1,000 of them become 6,000.
        EnrichedArticle controls = article();
        controls.setId("ctl");
        controls.setText("\u0001".repeat(1_000));
        in.pipeInput("ctl", controls);
        in.pipeInput("a1", article());
        DeadLetter letter = dlq.readValue();
        assertThat(letter.getStage()).isEqualTo("publish.json");
        assertThat(letter.getReason()).contains("over the record limit of 4000 bytes");
        assertThat(letter.getArticleId()).isEqualTo("ctl");
        assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("a1");
    }

    private static EnrichedArticle article() {
        return EnrichedArticle.newBuilder()
                .setId("a1").setUrl("https://news.test/a1").setTitle("Council passes budget")
                .setPublished(new DateInfo(Instant.parse("2024-03-01T09:00:00Z"), "2024-03-01T10:00+01:00", "json-ld"))
                .setText("The council passed the budget.").setWordCount(5)
                .setEntities(List.of(new Entity("Jane Doe", EntityType.PERSON, 2, 0.8, List.of(new Span(0, 4)))))
                .setFetchedAt(Instant.parse("2024-03-01T11:00:00Z"))
                .setSource(new Source(SourceKind.FILE, "a1.html"))
                .setProcessing(Processing.newBuilder().setEnrichedAt(Instant.parse("2024-03-01T11:00:01Z"))
                        .setPipelineVersion("test").build())
                .build();
    }
}
