package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.dedupe.MinHash;
import io.newsflow.enrich.dedupe.NearDuplicateIndex;
import io.newsflow.enrich.steps.StepSettings;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Processing;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DedupeStageTest {

    private final Topics topics = Topics.create(TopicNames.DEFAULTS, new PlainAvroSerdeFactory());
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> in;
    private TestOutputTopic<String, EnrichedArticle> out;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
    }

    /**
     * The 72 labelled pairs through the scatter-gather: every pair is decided as the in-memory index
     * of the evaluation harness decides it (first text indexed, second looked up), so precision and
     * recall are those of the single-partition search. Pairs are 8 days apart: each sees only its own.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 6})
    void decidesTheLabelledPairsAsTheSinglePartitionSearchDoes(int partitions) throws IOException {
        start(Map.of("dedupe.partitions", Integer.toString(partitions)));
        List<JsonNode> pairs = pairs();
        assertThat(pairs).hasSize(72);
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode p = pairs.get(i);
            Instant at = t.plus(Duration.ofDays(8L * i));
            in.pipeInput("a" + i, article("a" + i, p.get("a").asText()), at);
            in.pipeInput("b" + i, article("b" + i, p.get("b").asText()), at.plusSeconds(60));
            List<EnrichedArticle> both = out.readValuesToList();
            assertThat(both).extracting(EnrichedArticle::getId).containsExactly("a" + i, "b" + i);
            boolean flagged = ("a" + i).equals(both.get(1).getDuplicateOf());
            NearDuplicateIndex index = new NearDuplicateIndex(NearDuplicateIndex.DEFAULT_THRESHOLD, Long.MAX_VALUE / 4);
            index.add("a", MinHash.signature(p.get("a").asText()), 0);
            boolean expected = index.find(MinHash.signature(p.get("b").asText()), 1).isPresent();
            assertThat(flagged).as("pair %d (%s)", i, p.get("kind").asText()).isEqualTo(expected);
            boolean duplicate = p.get("duplicate").asBoolean();
            tp += flagged && duplicate ? 1 : 0;
            fp += flagged && !duplicate ? 1 : 0;
            fn += !flagged && duplicate ? 1 : 0;
        }
        System.out.printf("dedupe stage on the labelled pairs: precision=%.3f recall=%.3f (tp=%d fp=%d fn=%d)%n",
                tp / (double) Math.max(1, tp + fp), tp / (double) Math.max(1, tp + fn), tp, fp, fn);
    }

    @Test
    void findsAnExactCopyUnderAnotherIdAndLeavesTheOriginalUnmarked() {
        start();
        String text = "The harbour bridge in Porthaven reopened on Monday after eight months of repairs, "
                + "the city council said, ending long detours for thousands of commuters every day.";
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        in.pipeInput("orig", article("orig", text), t);
        in.pipeInput("copy", article("copy", text), t.plusSeconds(1));
        List<EnrichedArticle> both = out.readValuesToList();
        assertThat(both.get(0).getDuplicateOf()).isNull();
        assertThat(both.get(1).getDuplicateOf()).isEqualTo("orig");
        assertThat(both.get(1).getDuplicateScore()).isEqualTo(1.0);
        assertThat(both).allSatisfy(a -> assertThat(a.getProcessing().getSteps()).containsExactly("dedupe"));
    }

    @Test
    void publishesAnArticleWithoutTextUnmarked() {
        start();
        in.pipeInput("empty", article("empty", ""), Instant.parse("2024-01-01T00:00:00Z"));
        EnrichedArticle a = out.readValue();
        assertThat(a.getDuplicateOf()).isNull();
        assertThat(a.getProcessing().getSteps()).isEmpty();
        assertThat(driver.getKeyValueStore(DedupeStage.PENDING).approximateNumEntries()).isZero();
    }

    @Test
    void refusesAPartitionCountBelowOne() {
        StreamsBuilder builder = new StreamsBuilder();
        var articles = builder.stream("articles", Consumed.with(Serdes.String(), topics.enriched().valueSerde()));
        assertThatThrownBy(() -> DedupeStage.build(builder, articles, topics, new StepSettings(Map.of("dedupe.partitions", "0"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("enrich.dedupe.partitions");
    }

    private void start() {
        start(Map.of());
    }

    private void start(Map<String, String> settings) {
        StreamsBuilder builder = new StreamsBuilder();
        var articles = builder.stream("articles", Consumed.with(Serdes.String(), topics.enriched().valueSerde()));
        DedupeStage.build(builder, articles, topics, new StepSettings(settings))
                .filter((id, o) -> o instanceof Outcome.Enriched)
                .mapValues(o -> ((Outcome.Enriched) o).article())
                .to("marked", Produced.with(Serdes.String(), topics.enriched().valueSerde()));
        Properties props = new Properties();
        props.put("application.id", "dedupe-stage-test");
        props.put("bootstrap.servers", "dummy:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        in = driver.createInputTopic("articles", Serdes.String().serializer(), topics.enriched().valueSerde().serializer());
        out = driver.createOutputTopic("marked", Serdes.String().deserializer(), topics.enriched().valueSerde().deserializer());
    }

    private static EnrichedArticle article(String id, String text) {
        return EnrichedArticle.newBuilder().setId(id).setUrl("https://gazette.test/" + id).setText(text)
                .setFetchedAt(Instant.EPOCH).setSource(new Source(SourceKind.FILE, "test"))
                .setProcessing(Processing.newBuilder().setEnrichedAt(Instant.EPOCH).setPipelineVersion("test").build())
                .build();
    }

    private static List<JsonNode> pairs() throws IOException {
        try (InputStream stream = DedupeStageTest.class.getResourceAsStream("/eval/dedupe/pairs.jsonl")) {
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> out = new ArrayList<>();
            for (String line : new String(stream.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
            return out;
        }
    }
}
