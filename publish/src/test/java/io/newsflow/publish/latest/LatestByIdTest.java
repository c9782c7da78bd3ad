package io.newsflow.publish.latest;

import static io.newsflow.publish.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.publish.topology.PublishConfig;
import io.newsflow.publish.topology.PublishStores;
import io.newsflow.publish.topology.PublishTopology;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.FetchOutcome;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LatestByIdTest {

    private final PlainAvroSerdeFactory serdes = new PlainAvroSerdeFactory();
    private final Topics topics = Topics.create(TopicNames.DEFAULTS, serdes);
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> articles;
    private TestInputTopic<String, FetchOutcome> statuses;
    private TestOutputTopic<String, EnrichedArticle> latest;

    @BeforeEach
    void setUp() {
        driver = new TopologyTestDriver(PublishTopology.build(PublishConfig.defaults(topics, serdes)));
        articles = driver.createInputTopic(topics.enriched().name(), new StringSerializer(),
                topics.enriched().valueSerde().serializer());
        statuses = driver.createInputTopic(topics.fetchStatus().name(), new StringSerializer(),
                topics.fetchStatus().valueSerde().serializer());
        latest = driver.createOutputTopic(topics.articlesLatest().name(), new StringDeserializer(),
                topics.articlesLatest().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void aRevisionReplacesItsArticleAsCompactionWouldKeepIt() {
        articles.pipeInput("a1", article("a1").build());
        articles.pipeInput("a1", article("a1").revision(2).words(999).build());
        articles.pipeInput("b1", article("b1").build());
        Map<String, EnrichedArticle> compacted = compact();
        assertThat(compacted).containsOnlyKeys("a1", "b1");
        assertThat(compacted.get("a1").getRevision()).isEqualTo(2);
        assertThat(compacted.get("a1").getWordCount()).isEqualTo(999);
        assertThat(store().get("a1").getRevision()).isEqualTo(2);
    }

    @Test
    void anOlderRevisionArrivingLateDoesNotGoBackInTime() {
        articles.pipeInput("a1", article("a1").revision(3).build());
        articles.pipeInput("a1", article("a1").revision(2).build());
        assertThat(latest.readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(3);
    }

    @Test
    void a404Or410AfterAnOkFetchTombstonesTheArticle() {
        articles.pipeInput("a1", article("a1").build());
        articles.pipeInput("a2", article("a2").build());
        statuses.pipeInput("a1", status("a1", "HTTP_ERROR", 404));
        statuses.pipeInput("a2", status("a2", "HTTP_ERROR", 410));
        var records = latest.readKeyValuesToList();
        assertThat(records).extracting(kv -> kv.key).containsExactly("a1", "a2", "a1", "a2");
        assertThat(records.get(2).value).isNull();
        assertThat(records.get(3).value).isNull();
        assertThat(store().get("a1")).isNull();
    }

    @Test
    void otherStatusesAndWithdrawalsOfUnknownArticlesWriteNothing() {
        articles.pipeInput("a1", article("a1").build());
        latest.readValuesToList();
        statuses.pipeInput("a1", status("a1", "HTTP_ERROR", 500));
        statuses.pipeInput("a1", status("a1", "NOT_MODIFIED", 304));
        statuses.pipeInput("never-ok", status("never-ok", "HTTP_ERROR", 404));
        statuses.pipeInput("a1", (FetchOutcome) null);
        assertThat(latest.isEmpty()).isTrue();
        assertThat(store().get("a1")).isNotNull();
    }

    @Test
    void anUndecodableFetchStatusIsADeadLetterAndWithdrawalsStillWork() {
        driver.createInputTopic(topics.fetchStatus().name(), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer()).pipeInput("x", new byte[] {9, 9});
        articles.pipeInput("a1", article("a1").build());
        statuses.pipeInput("a1", status("a1", "HTTP_ERROR", 410));
        var dlq = driver.createOutputTopic(topics.deadLetters().name(), new StringDeserializer(),
                topics.deadLetters().valueSerde().deserializer());
        assertThat(dlq.readValue().getStage()).isEqualTo("publish.latest");
        assertThat(compact()).isEmpty();
    }

    private Map<String, EnrichedArticle> compact() {
        Map<String, EnrichedArticle> out = new HashMap<>();
        latest.readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                out.remove(kv.key);
            } else {
                out.put(kv.key, kv.value);
            }
        });
        return out;
    }

    private org.apache.kafka.streams.state.KeyValueStore<String, EnrichedArticle> store() {
        return driver.getKeyValueStore(PublishStores.ARTICLES);
    }

    private static FetchOutcome status(String id, String status, int http) {
        return FetchOutcome.newBuilder().setArticleId(id).setUrl("https://news.test/" + id).setStatus(status)
                .setHttpStatus(http).setFetchedAt(Instant.parse("2024-03-02T00:00:00Z"))
                .setSource(new Source(SourceKind.URL, "list")).build();
    }
}
