package io.newsflow.publish.trending;

import static io.newsflow.publish.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.newsflow.publish.topology.PublishConfig;
import io.newsflow.publish.topology.PublishStores;
import io.newsflow.publish.topology.PublishTopology;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.TrendingScore;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Windows of 10 min every 5 min with 2 min grace: each article falls in two windows. */
class TrendingTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final TrendingWindows WINDOWS = new TrendingWindows(Duration.ofMinutes(10), Duration.ofMinutes(5),
            Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofHours(1));

    private final PlainAvroSerdeFactory serdes = new PlainAvroSerdeFactory();
    private final Topics topics = Topics.create(TopicNames.DEFAULTS, serdes);
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> in;
    private TestOutputTopic<String, TrendingScore> out;

    @BeforeEach
    void setUp() {
        driver = new TopologyTestDriver(PublishTopology.build(PublishConfig.defaults(topics, serdes)
                .withTrending(WINDOWS)));
        in = driver.createInputTopic(topics.enriched().name(), new StringSerializer(),
                topics.enriched().valueSerde().serializer());
        out = driver.createOutputTopic(topics.trending().name(), new StringDeserializer(),
                topics.trending().valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void emitsOneFinalResultPerWindowOnlyOnceTheWindowHasClosed() {
        send("a1", 1, jane(0.8));
        send("a2", 4, jane(0.4).topic("medtop:11000000", "politics", 0.5));
        send("tick", 6, tick());
        assertThat(out.isEmpty()).as("nothing before a window closes (end + grace)").isTrue();
        send("tick2", 13, tick());
        List<TrendingScore> jane = janeScores();
        assertThat(jane).extracting(s -> s.getWindowStart()).containsExactly(T0.minusSeconds(300), T0);
        assertThat(jane).allSatisfy(s -> {
            assertThat(s.getArticles()).isEqualTo(2);
            assertThat(s.getWeight()).isCloseTo(1.2, within(1e-9));
        });
        assertThat(out.readValuesToList()).isEmpty();
    }

    @Test
    void aDuplicateARevisionAndAReplayedArticleCountOnce() {
        send("a1", 1, jane(0.8));
        send("a1", 2, jane(0.8));
        send("dup", 3, jane(0.9).duplicateOf("a1"));
        send("rev", 3, jane(0.9).revision(2));
        send("tick", 13, tick());
        assertThat(janeScores()).allSatisfy(s -> {
            assertThat(s.getArticles()).isEqualTo(1);
            assertThat(s.getWeight()).isCloseTo(0.8, within(1e-9));
        });
    }

    @Test
    void aLateArticleCountsWithinGraceAndIsDroppedAfter() {
        send("a1", 6, jane(0.5));
        send("tick", 11, tick());
        send("late-in-grace", 9, jane(0.25));   // window [0, 10) closes at 12: still open
        send("tick2", 13, tick());
        send("too-late", 4, jane(1.0));          // its windows [-5, 5) and [0, 10) have closed: dropped
        send("tick3", 30, tick());
        List<TrendingScore> jane = janeScores();
        assertThat(jane).extracting(TrendingScore::getWindowStart).containsExactly(T0, T0.plusSeconds(300));
        assertThat(jane).allSatisfy(s -> {
            assertThat(s.getArticles()).isEqualTo(2);
            assertThat(s.getWeight()).isCloseTo(0.75, within(1e-9));
        });
    }

    @Test
    void scoresTheRiseAgainstTheEntitysOwnTrailingBaseline() {
        send("a1", 1, jane(1.0));
        send("tick", 13, tick());
        List<TrendingScore> jane = janeScores();
        assertThat(jane.get(0).getBaseline()).isZero();
        assertThat(jane.get(0).getScore()).isCloseTo(1.0, within(1e-9));
        double lambda = Math.exp(-5.0 / 60);
        assertThat(jane.get(1).getBaseline()).isCloseTo(1 - lambda, within(1e-9));
        assertThat(jane.get(1).getScore()).isCloseTo((1 - (1 - lambda)) / Math.sqrt(2 - lambda), within(1e-9));
    }

    @Test
    void windowTalliesAreQueryableInTheWindowStoreBeforeAndAfterClosing() {
        send("a1", 1, jane(0.8));
        send("a2", 2, jane(0.1));
        WindowStore<String, Tally> store = driver.getWindowStore(PublishStores.TRENDING_COUNTS);
        Tally tally = store.fetch("PERSON:Jane Doe", T0.toEpochMilli());
        assertThat(tally.articles()).isEqualTo(2);
        assertThat(tally.weight()).isCloseTo(0.9, within(1e-9));
    }

    private List<TrendingScore> janeScores() {
        return out.readKeyValuesToList().stream().filter(kv -> kv.key.equals("PERSON:Jane Doe"))
                .map(kv -> kv.value).toList();
    }

    private void send(String id, int minute, io.newsflow.publish.Articles article) {
        in.pipeInput(id, article.build(), T0.plusSeconds(60L * minute));
    }

    private static io.newsflow.publish.Articles jane(double salience) {
        return article("x").entity("Jane Doe", EntityType.PERSON, salience);
    }

    /** An article about something else, to move stream time on through the repartition topic. */
    private static io.newsflow.publish.Articles tick() {
        return article("t").entity("Clock", EntityType.MISC, 0.1);
    }
}
