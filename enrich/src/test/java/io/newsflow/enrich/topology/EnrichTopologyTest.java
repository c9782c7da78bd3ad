package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.steps.ArticleDraft;
import io.newsflow.enrich.steps.EnrichmentStep;
import io.newsflow.enrich.steps.KeywordsStep;
import io.newsflow.enrich.steps.StepProvider;
import io.newsflow.enrich.steps.StepSettings;
import io.newsflow.enrich.steps.Steps;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.deadletter.DeadLetterCounter;
import io.newsflow.schemas.deadletter.DeadLetterProductionHandler;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EnrichTopologyTest {

    private static final String PAGE = """
            <html lang="en"><head><title>Harbour bridge reopens - Coast Gazette</title>
            <meta property="og:title" content="Harbour bridge reopens after repairs"></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Harbour bridge reopens after repairs</h1>
            <p>The harbour bridge in Porthaven reopened on Monday after eight months of repairs,
            the city council said, ending long detours for thousands of commuters.</p>
            <p>Engineers replaced the corroded cables and resurfaced the deck, and the council said the
            work finished two weeks ahead of schedule and within its budget.</p>
            <p>Local businesses welcomed the news, saying trade had fallen while the bridge was shut.</p>
            </article><footer>Copyright Coast Gazette</footer></body></html>
            """;

    private final Topics topics = Topics.create(TopicNames.DEFAULTS, new PlainAvroSerdeFactory());
    private TopologyTestDriver driver;

    @AfterEach
    void tearDown() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void enrichesRawPageIntoArticleKeyedById() {
        start(Steps.resolve(List.of("extract")));
        rawIn().pipeInput("id-1", raw("id-1", PAGE));
        TestRecord<String, EnrichedArticle> out = enrichedOut().readRecord();
        assertThat(out.key()).isEqualTo("id-1");
        EnrichedArticle a = out.value();
        assertThat(a.getText()).contains("harbour bridge in Porthaven reopened").doesNotContain("Home");
        assertThat(a.getWordCount()).isGreaterThan(40);
        assertThat(a.getProcessing().getSteps()).containsExactly("extract", "dedupe");
        assertThat(a.getSource().getKind()).isEqualTo(SourceKind.FILE);
    }

    @Test
    void keysOutputByArticleIdWhenProducerUsedAnotherKey() {
        start(Steps.resolve(List.of("extract")));
        rawIn().pipeInput("not-the-id", raw("id-7", PAGE));
        rawIn().pipeInput(new TestRecord<>(null, raw("id-8", PAGE)));
        List<TestRecord<String, EnrichedArticle>> out = enrichedOut().readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsExactly("id-7", "id-8");
        assertThat(out.get(0).value().getProcessing().getWarnings()).singleElement().asString()
                .contains("did not match the article id");
        assertThat(out.get(1).value().getProcessing().getWarnings()).singleElement().asString().contains("was null");
        assertThat(driver.metrics().entrySet().stream()
                .filter(m -> m.getKey().name().equals("rekeyed-total"))
                .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).sum()).isEqualTo(2.0);
    }

    @Test
    void routesCorruptAvroToDeadLettersWithOriginAndKeepsGoing() {
        start(Steps.resolve(List.of("extract")));
        TestInputTopic<String, byte[]> bytes = driver.createInputTopic(topics.raw().name(),
                new StringSerializer(), new ByteArraySerializer());
        bytes.pipeInput("bad", new byte[] {0, 0, 0, 0, 1, 42, (byte) 0xff});
        rawIn().pipeInput("id-2", raw("id-2", PAGE));

        TestRecord<String, DeadLetter> dead = deadOut().readRecord();
        assertThat(dead.value().getStage()).isEqualTo("enrich.deserialize");
        assertThat(dead.value().getSourceTopic()).isEqualTo("news.raw.v1");
        assertThat(dead.value().getSourceOffset()).isZero();
        assertThat(dead.value().getValue().array()).containsExactly(0, 0, 0, 0, 1, 42, (byte) 0xff);
        assertThat(new String(dead.headers().lastHeader(DeadLetters.HEADER_STAGE).value(), StandardCharsets.UTF_8))
                .isEqualTo("enrich.deserialize");
        assertThat(enrichedOut().readRecord().key()).isEqualTo("id-2");
        assertThat(deadLetterCount("enrich.deserialize")).isEqualTo(1.0);
    }

    /** The dead-letter count of {@code stage} in the Streams metrics that the services export. */
    private double deadLetterCount(String stage) {
        return driver.metrics().entrySet().stream()
                .filter(m -> m.getKey().name().equals(DeadLetterCounter.OPERATION + "-total")
                        && m.getKey().group().equals("stream-" + DeadLetterCounter.SCOPE + "-metrics")
                        && stage.equals(m.getKey().tags().get(DeadLetterCounter.SCOPE + "-id")))
                .mapToDouble(m -> ((Number) m.getValue().metricValue()).doubleValue()).sum();
    }

    @Test
    void optionalStepThatThrowsIsReportedAsDeadLetterAndArticleStillPublishedWithWarning() {
        List<StepProvider> steps = new ArrayList<>(Steps.resolve(List.of("extract")));
        steps.add(new ExplodingStep());
        start(steps);
        rawIn().pipeInput("id-3", raw("id-3", PAGE));
        DeadLetter dead = deadOut().readValue();
        assertThat(dead.getStage()).isEqualTo("enrich.explode");
        assertThat(dead.getException()).isEqualTo(IllegalStateException.class.getName());
        assertThat(dead.getArticleId()).isEqualTo("id-3");
        TestRecord<String, EnrichedArticle> article = enrichedOut().readRecord();
        assertThat(article.value().getText()).contains("Porthaven");
        assertThat(article.value().getProcessing().getSteps()).containsExactly("extract", "dedupe");
        assertThat(article.value().getProcessing().getWarnings()).singleElement().asString().contains("explode");
        assertThat(article.headers().lastHeader(DeadLetters.HEADER_STAGE)).isNull();
        assertThat(deadLetterCount("enrich.explode")).isEqualTo(1.0);
        assertThat(deadLetterCount("enrich.deserialize")).isZero();
    }

    @Test
    void aStepThatOverflowsItsStackCostsOnlyItsOutput() {
        List<StepProvider> steps = new ArrayList<>(Steps.resolve(List.of("extract")));
        steps.add(new ExplodingStep(() -> new StackOverflowError()));
        start(steps);
        rawIn().pipeInput("id-so", raw("id-so", PAGE));
        assertThat(deadOut().readValue().getException()).isEqualTo(StackOverflowError.class.getName());
        assertThat(enrichedOut().readValue().getProcessing().getWarnings()).singleElement().asString()
                .contains("StackOverflowError");
    }

    @Test
    void binaryBodyYieldsEmptyTextWithReasonNotAFailure() {
        start(Steps.resolve(List.of("extract")));
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        RawArticle r = raw("id-4", "");
        r.setBody(ByteBuffer.wrap(binary));
        rawIn().pipeInput("id-4", r);
        EnrichedArticle a = enrichedOut().readValue();
        assertThat(a.getText()).isEmpty();
        assertThat(a.getProcessing().getEmptyReason()).isNotBlank();
        assertThat(deadOut().isEmpty()).isTrue();
    }

    @Test
    void sameIdWithNewTextIsNextRevisionAndUnchangedRefetchKeepsRevision() {
        start(Steps.resolve(List.of("extract")));
        rawIn().pipeInput("id-5", raw("id-5", PAGE));
        rawIn().pipeInput("id-5", raw("id-5", PAGE));
        rawIn().pipeInput("id-5", raw("id-5", PAGE.replace("eight months", "nine months")));
        assertThat(enrichedOut().readValuesToList()).extracting(EnrichedArticle::getRevision).containsExactly(1, 1, 2);
    }

    @Test
    void wireCopyUnderAnotherUrlIsMarkedDuplicateOfTheFirstAndStillPublished() {
        start(Steps.resolve(List.of("extract")));
        rawIn().pipeInput("orig", raw("orig", PAGE));
        String copy = PAGE.replace("Harbour bridge reopens after repairs", "Porthaven bridge back in service")
                .replace("<p>Local businesses welcomed the news, saying trade had fallen while the bridge was shut.</p>", "");
        rawIn().pipeInput("copy", raw("copy", copy));
        rawIn().pipeInput("other", raw("other", PAGE.replaceAll("(?s)<p>.*?</p>", "<p>" + UNRELATED + "</p>")));
        List<EnrichedArticle> out = enrichedOut().readValuesToList();
        assertThat(out.get(0).getDuplicateOf()).isNull();
        assertThat(out.get(1).getDuplicateOf()).isEqualTo("orig");
        assertThat(out.get(1).getDuplicateScore()).isGreaterThan(0.7);
        assertThat(out.get(2).getDuplicateOf()).isNull();
    }

    private static final String UNRELATED = "The regional orchestra announced its winter season on Friday, with "
            + "six premieres, a festival of chamber music in the old cathedral and cheaper tickets for students "
            + "under twenty-five, the director said at a press conference in the concert hall.";

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidIdsAndUrls")
    void routesRecordWithInvalidIdOrUrlToDeadLettersAndKeepsGoing(String what, String id, String url) {
        start(Steps.resolve(List.of("extract")));
        RawArticle bad = raw("ok-id", PAGE);
        bad.setId(id);
        bad.setUrl(url);
        rawIn().pipeInput("k", bad);
        rawIn().pipeInput("id-9", raw("id-9", PAGE));
        DeadLetter dead = deadOut().readValue();
        assertThat(dead.getStage()).isEqualTo("enrich.validate");
        assertThat(dead.getReason()).isNotBlank().hasSizeLessThan(300);
        assertThat(dead.getValue()).as("the original bytes, to replay after a fix").isNotNull();
        assertThat(enrichedOut().readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("id-9");
    }

    static List<Arguments> invalidIdsAndUrls() {
        String ok = "https://gazette.test/news/1";
        return List.of(
                Arguments.of("path traversal id", "../../etc/passwd", ok),
                Arguments.of("id with NUL", "abc\u0000def", ok),
                Arguments.of("10,000-char id", "a".repeat(10_000), ok),
                Arguments.of("empty id", "", ok),
                Arguments.of("javascript URL", "id-a", "javascript:alert(1)"),
                Arguments.of("data URL", "id-b", "data:text/html,<p>hi</p>"),
                Arguments.of("URL without host", "id-c", "https:///path"),
                Arguments.of("relative URL", "id-d", "/news/1"),
                Arguments.of("URL with spaces", "id-e", "https://gazette.test/a b"),
                Arguments.of("100,000-char URL", "id-f", "https://gazette.test/" + "x".repeat(100_000)));
    }

    @Test
    void enrichedRecordsCarryNoneOfTheInputHeaders() {
        start(Steps.resolve(List.of("extract")));
        TestRecord<String, RawArticle> in = new TestRecord<>("id-h", raw("id-h", PAGE));
        in.headers().add("apicurio.value.encoding", "JSON".getBytes(StandardCharsets.UTF_8));
        rawIn().pipeInput(in);
        assertThat(enrichedOut().readRecord().headers().toArray()).isEmpty();
    }

    @Test
    void deadLetterKeepsInputHeadersOnlyUnderAPrefixAndCountsReplays() {
        start(Steps.resolve(List.of("extract")));
        TestInputTopic<String, byte[]> bytes = driver.createInputTopic(topics.raw().name(),
                new StringSerializer(), new ByteArraySerializer());
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add("apicurio.value.encoding", "JSON".getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetters.HEADER_REPLAY_ATTEMPT, "2".getBytes(StandardCharsets.UTF_8));
        bytes.pipeInput(new TestRecord<>("bad", new byte[] {1, 2, 3}, headers));
        TestRecord<String, DeadLetter> dead = deadOut().readRecord();
        assertThat(dead.headers().lastHeader("apicurio.value.encoding")).isNull();
        assertThat(dead.headers().lastHeader(DeadLetters.ORIGINAL_HEADER_PREFIX + "apicurio.value.encoding").value())
                .asString(StandardCharsets.UTF_8).isEqualTo("JSON");
        assertThat(dead.value().getAttempt()).isEqualTo(3);
        assertThat(dead.headers().lastHeader(DeadLetters.HEADER_ATTEMPT).value()).asString(StandardCharsets.UTF_8)
                .isEqualTo("3");
    }

    @Test
    void articleOverTheRecordLimitBecomesSmallDeadLetterAndTheNextOneIsEnriched() {
        start(Steps.resolve(List.of("extract")), Map.of("dedupe.enabled", "false", "max-record-bytes", "3000"));
        String big = PAGE.replace("</article>", "<p>" + "The council met again on Tuesday. ".repeat(200)
                + "</p></article>");
        rawIn().pipeInput("big", raw("big", big));
        rawIn().pipeInput("small", raw("small", PAGE));
        TestRecord<String, DeadLetter> dead = deadOut().readRecord();
        assertThat(dead.value().getReason()).contains("over the limit of 3000");
        assertThat(dead.value().getSourceTopic()).isEqualTo("news.raw.v1");
        assertThat(dead.value().getValueSha256()).hasSize(64);
        assertThat(enrichedOut().readValuesToList()).extracting(EnrichedArticle::getId).containsExactly("small");
    }

    /**
     * The key-phrase counts reach their store a slice at a time, one slice per wall-clock punctuation,
     * and all of them within the flush interval.
     */
    @Test
    void keyPhraseCountsReachTheStoreASliceAtATimeWithinTheInterval() {
        start(Steps.resolve(List.of("extract", "keywords")), Map.of("keywords.flush-interval-seconds", "10",
                "keywords.flush-slices", "5"));
        rawIn().pipeInput("id-1", raw("id-1", PAGE));
        assertThat(enrichedOut().readValue().getKeyphrases()).isNotEmpty();
        var store = driver.<String, Long>getWindowStore(KeywordsStep.STORE);
        List<Long> stored = new ArrayList<>();
        for (int second = 0; second <= 10; second += 2) {
            long terms = 0;
            try (var all = store.all()) {
                while (all.hasNext()) {
                    all.next();
                    terms++;
                }
            }
            stored.add(terms);
            driver.advanceWallClockTime(Duration.ofSeconds(2));
        }
        // Nothing before the first punctuation; then more at each, none of them all but the last.
        assertThat(stored.get(0)).isZero();
        assertThat(stored).isSorted();
        assertThat(stored.get(5)).isGreaterThan(stored.get(1)).isGreaterThan(20);
        assertThat(stored.subList(1, 5)).allMatch(n -> n < stored.get(5));
    }

    private void start(List<StepProvider> steps) {
        start(steps, Map.of());
    }

    private void start(List<StepProvider> steps, Map<String, String> settings) {
        Properties props = new Properties();
        props.putAll(DeadLetterProductionHandler.streamsProperties(topics.deadLetters().name(), "unused"));
        props.put(DeadLetterProductionHandler.SERDE_FACTORY, PlainAvroSerdeFactory.class.getName());
        driver = new TopologyTestDriver(EnrichTopology.build(
                new EnrichOptions(topics, steps, new StepSettings(settings), "test")), props);
    }

    private TestInputTopic<String, RawArticle> rawIn() {
        return driver.createInputTopic(topics.raw().name(), new StringSerializer(), topics.raw().valueSerde().serializer());
    }

    private TestOutputTopic<String, EnrichedArticle> enrichedOut() {
        return driver.createOutputTopic(topics.enriched().name(), new StringDeserializer(),
                topics.enriched().valueSerde().deserializer());
    }

    private TestOutputTopic<String, DeadLetter> deadOut() {
        return driver.createOutputTopic(topics.deadLetters().name(), new StringDeserializer(),
                topics.deadLetters().valueSerde().deserializer());
    }

    static RawArticle raw(String id, String html) {
        return RawArticle.newBuilder().setId(id).setUrl("https://gazette.test/news/" + id)
                .setFetchedAt(Instant.parse("2024-05-06T07:08:09Z")).setHttpStatus(200)
                .setContentType("text/html; charset=utf-8")
                .setBody(ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)))
                .setSource(new Source(SourceKind.FILE, id + ".html")).build();
    }

    private static final class ExplodingStep implements StepProvider {
        private final java.util.function.Supplier<? extends Throwable> error;

        ExplodingStep() {
            this(() -> new IllegalStateException("boom"));
        }

        ExplodingStep(java.util.function.Supplier<? extends Throwable> error) {
            this.error = error;
        }

        @Override
        public String name() {
            return "explode";
        }

        @Override
        public EnrichmentStep create(StepSettings settings, StoreLookup stores) {
            return new EnrichmentStep() {
                @Override
                public String name() {
                    return "explode";
                }

                @Override
                public void apply(ArticleDraft draft) {
                    Throwable t = error.get();
                    if (t instanceof RuntimeException r) {
                        throw r;
                    }
                    throw (Error) t;
                }
            };
        }
    }
}
