package io.newsflow.publish.trending;

import static io.newsflow.publish.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
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
    void windowTalliesAreQueryableAsTheSumOfTheirPanesBeforeTheyClose() {
        send("a1", 1, jane(0.8));
        send("a2", 2, jane(0.1));
        send("a3", 7, jane(0.05).topic("medtop:11000000", "politics", 0.5));
        WindowStore<String, Tally> panes = driver.getWindowStore(PublishStores.TRENDING_PANES);
        assertThat(panes.fetch("PERSON:Jane Doe", T0.toEpochMilli())).isEqualTo(new Tally(2, 0.8 + 0.1));
        Map<String, Tally> window = Panes.window(panes, T0.toEpochMilli(), WINDOWS);
        assertThat(window.keySet()).containsExactly("PERSON:Jane Doe", "TOPIC:politics");
        assertThat(window.get("PERSON:Jane Doe").articles()).isEqualTo(3);
        assertThat(window.get("PERSON:Jane Doe").weight()).isCloseTo(0.95, within(1e-9));
        // Three 10-minute windows from 09:55: [09:55, 10:05) holds the first two articles, the
        // next both panes, the last only 10:05-10:10.
        double[] spark = Panes.weights(panes, "PERSON:Jane Doe", T0.minusSeconds(300).toEpochMilli(), 3, WINDOWS);
        assertThat(spark).containsExactly(new double[] {0.9, 0.95, 0.05}, within(1e-9));
    }

    @Test
    void aMentionTooLateForEveryWindowIsCountedInTheLateMetric() {
        send("a1", 20, jane(0.5));
        send("too-late", 4, jane(1.0));   // its windows closed at 12 and 17
        send("in-grace", 9, jane(0.25));  // [5, 15) closes at 17, stream time is 20: late too
        send("open", 11, jane(0.25));     // [10, 20) closes at 22: counts
        assertThat(lateMentions()).isEqualTo(2.0);
        send("tick", 40, tick());
        assertThat(janeScores()).extracting(s -> s.getWindowStart(), s -> s.getArticles())
                .containsExactly(tuple(T0.plusSeconds(600), 1), tuple(T0.plusSeconds(900), 1),
                        tuple(T0.plusSeconds(1200), 1));
    }

    /**
     * Counting in panes gives what counting in each hopping window gives: a reference computes
     * every window's tally directly, with the same rule for late records (a record counts in a
     * window only while that window is open), over random articles arriving out of order.
     */
    @Test
    void paneSumsEqualHoppingWindowsCountedOneByOne() {
        Random random = new Random(42);
        String[] names = {"Jane Doe", "John Roe", "Ada Lovelace", "Alan Turing"};
        Map<String, double[]> expected = new TreeMap<>();  // "name@windowStart" -> {articles, weight}
        long size = WINDOWS.size().toMillis();
        long step = WINDOWS.advance().toMillis();
        long streamTime = Long.MIN_VALUE;
        long clock = T0.toEpochMilli();
        for (int i = 0; i < 400; i++) {
            clock += random.nextInt(40_000);
            // One in five arrives up to 20 minutes late: some within grace, some not.
            long ts = random.nextInt(5) == 0 ? clock - random.nextInt(20 * 60_000) : clock;
            String name = names[random.nextInt(names.length)];
            double salience = 0.05 + random.nextInt(20) / 20.0;
            in.pipeInput("r" + i, article("x").entity(name, EntityType.PERSON, salience).build(),
                    Instant.ofEpochMilli(ts));
            streamTime = Math.max(streamTime, ts);
            for (long start = Math.floorDiv(ts, step) * step; start > ts - size; start -= step) {
                if (start + size + WINDOWS.grace().toMillis() > streamTime) {
                    double[] t = expected.computeIfAbsent(name + "@" + start, k -> new double[2]);
                    t[0]++;
                    t[1] += salience;
                }
            }
        }
        // Close every window still open.
        send("tick", 24 * 60, tick());
        Map<String, double[]> actual = new TreeMap<>();
        for (var kv : out.readKeyValuesToList()) {
            if (!kv.key.equals("MISC:Clock")) {
                assertThat(actual.put(kv.value.getName() + "@" + kv.value.getWindowStart().toEpochMilli(),
                        new double[] {kv.value.getArticles(), kv.value.getWeight()})).as("one result per window").isNull();
            }
        }
        assertThat(lateMentions()).as("the draw has late mentions").isPositive();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((k, t) -> assertThat(actual.get(k)).as(k).containsExactly(t, within(1e-9)));
    }

    private List<TrendingScore> janeScores() {
        return out.readKeyValuesToList().stream().filter(kv -> kv.key.equals("PERSON:Jane Doe"))
                .map(kv -> kv.value).toList();
    }

    private double lateMentions() {
        return driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(Trending.LATE + "-total")
                        && "trending".equals(e.getKey().tags().get("newsflow-id")))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
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
