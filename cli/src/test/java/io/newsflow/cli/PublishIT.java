package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Processing;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.avro.TopicTag;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish service on a real KRaft broker and Apicurio registry: five routes, the HTTP API on the
 * state stores, the live event stream and the live page in a real headless Chromium. Articles are
 * produced straight to the enriched topic, as enrich would write them.
 */
class PublishIT {

    private static final String ROUTES = """
            routes:
              - {name: english, topic: it.english.v1, match: {language: en}}
              - {name: french-json, topic: it.french.v1, format: json, match: {language: fr}}
              - {name: people, topic: it.people.v1, match: {entity: {type: PERSON, min-salience: 0.5}}}
              - {name: politics-json, topic: it.politics.v1, format: json, match: {topic: {name: politics, min-score: 0.3}}}
              - name: long-originals
                topic: it.long.v1
                match: {all: [{duplicate: false}, {words: {min: 500}}]}
            """;

    @TempDir
    static Path dir;

    private static EmbeddedPipeline pipeline;
    private static Topics topics;
    private static String api;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path routes = Files.writeString(dir.resolve("routes.yaml"), ROUTES, StandardCharsets.UTF_8);
        pipeline = EmbeddedPipeline.start(2, Map.of("kafka.commit.interval.ms", "100",
                "publish.routes", routes.toString(), "publish.stream.heartbeat-seconds", "1"));
        topics = Topics.create(TopicNames.DEFAULTS, RegistrySerdeFactory.create(pipeline.registryUrl(), Map.of()));
        api = pipeline.publishUrl();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void eachOfFiveRoutesGetsExactlyItsArticlesOfAMixedBatchOnce() {
        String run = "mix-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<EnrichedArticle> batch = new ArrayList<>();
        Map<String, List<String>> expected = new HashMap<>();
        for (int i = 0; i < 24; i++) {
            String lang = i % 3 == 0 ? "fr" : "en";
            double salience = i % 4 == 0 ? 0.7 : 0.2;
            double politics = i % 5 == 0 ? 0.6 : 0.1;
            boolean duplicate = i % 7 == 0;
            int words = i % 2 == 0 ? 800 : 100;
            String id = run + i;
            batch.add(article(id, lang, "Person " + i, salience, politics, duplicate, words));
            expect(expected, "it.english.v1", lang.equals("en"), id);
            expect(expected, "it.french.v1", lang.equals("fr"), id);
            expect(expected, "it.people.v1", salience >= 0.5, id);
            expect(expected, "it.politics.v1", politics >= 0.3, id);
            expect(expected, "it.long.v1", !duplicate && words >= 500, id);
        }
        send(batch);
        for (String topic : List.of("it.english.v1", "it.french.v1", "it.people.v1", "it.politics.v1", "it.long.v1")) {
            List<String> want = expected.getOrDefault(topic, List.of());
            List<String> got = readIds(topic, run, want.size());
            assertThat(got).as(topic).containsExactlyInAnyOrderElementsOf(want).doesNotHaveDuplicates();
        }
    }

    @Test
    void theApiAnswersArticlesAndTrendingFromTheStateStores() throws Exception {
        String id = "api-" + UUID.randomUUID().toString().substring(0, 8);
        send(List.of(article(id, "en", "Ada Lovelace", 0.9, 0.6, false, 700)));
        Waits.until("article " + id + " in the store", Duration.ofSeconds(60), () -> get("/articles/" + id).statusCode() == 200);
        JsonNode article = JSON.readTree(get("/articles/" + id).body());
        assertThat(article.path("id").asText()).isEqualTo(id);
        assertThat(article.path("entities").get(0).path("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(get("/articles/no-such-article").statusCode()).isEqualTo(404);

        Waits.until("Ada Lovelace trending", Duration.ofSeconds(60),
                () -> get("/trending?window=1h&type=PERSON&limit=50").body().contains("Ada Lovelace"));
        JsonNode trending = JSON.readTree(get("/trending?window=1h&type=PERSON&limit=50").body());
        assertThat(trending.path("window").asText()).isEqualTo("1h");
        JsonNode ada = null;
        for (JsonNode e : trending.path("entries")) {
            ada = e.path("name").asText().equals("Ada Lovelace") ? e : ada;
        }
        assertThat(ada).isNotNull();
        assertThat(ada.path("type").asText()).isEqualTo("PERSON");
        assertThat(ada.path("articles").asInt()).isEqualTo(1);
        assertThat(ada.path("spark")).hasSize(24);
        assertThat(get("/trending?window=2h").statusCode()).isEqualTo(400);

        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get("/openapi.json").body()).path("paths").has("/trending")).isTrue();
        assertThat(get("/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void theEventStreamHeartbeatsDeliversArticlesProducedAfterConnectingAndResumesFromLastEventId() throws Exception {
        String run = "sse-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        List<String> ids = new ArrayList<>();
        String lastEventId;
        try (BufferedReader events = open("/stream?lang=de&duplicates=exclude", null)) {
            assertThat(events.readLine()).startsWith(": connected at ");
            String idle;
            do {
                idle = events.readLine();
            } while (idle.isEmpty() || idle.startsWith("retry:"));
            assertThat(idle).as("a comment line while idle (heartbeat every second here)").isEqualTo(": heartbeat");
            send(List.of(article(run + "1", "de", "Olaf Scholz", 0.8, 0.1, false, 300),
                    article(run + "en", "en", "Olaf Scholz", 0.8, 0.1, false, 300),
                    article(run + "dup", "de", "Olaf Scholz", 0.8, 0.1, true, 300),
                    article(run + "2", "de", "Olaf Scholz", 0.8, 0.1, false, 300)));
            List<String> eventIds = new ArrayList<>();
            while (ids.size() < 2) {
                String line = events.readLine();
                if (line.startsWith("id: ")) {
                    eventIds.add(line.substring(4));
                } else if (line.startsWith("data: ")) {
                    ids.add(JSON.readTree(line.substring(6)).path("id").asText());
                }
            }
            lastEventId = eventIds.get(0);
        }
        assertThat(ids).containsExactlyInAnyOrder(run + "1", run + "2");
        // Reconnecting after the first event: the stream resumes from the topic with the second one.
        try (BufferedReader events = open("/stream?lang=de&duplicates=exclude", lastEventId)) {
            String data;
            do {
                data = events.readLine();
            } while (!data.startsWith("data: "));
            assertThat(JSON.readTree(data.substring(6)).path("id").asText()).isEqualTo(ids.get(1));
        }
        assertThat(get("/stream?lnag=de").statusCode()).isEqualTo(400);
    }

    @Test
    void theLivePageShowsArticlesProducedWhileItIsOpenInARealBrowser() throws Exception {
        var chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium.isPresent(), "chromium not installed (apt-get install -y chromium;"
                + " .ci/run installs it): the live page browser test is skipped");
        try (HeadlessChromium browser = new HeadlessChromium(chromium.get())) {
            browser.navigate(api + "/");
            Waits.until("the page's event stream to open", HeadlessChromium.timeout(),
                    () -> browser.evaluate("document.getElementById('status').textContent").asText().equals("live"));
            String run = "page-" + UUID.randomUUID().toString().substring(0, 6) + "-";
            send(List.of(article(run + "1", "en", "Grace Hopper", 0.9, 0.7, false, 600),
                    article(run + "2", "fr", "Marie Curie", 0.8, 0.2, false, 400)));
            String ids = "JSON.stringify([...document.querySelectorAll('#articles li.article')].map(li => li.dataset.id))";
            Waits.until("both articles in the page", HeadlessChromium.timeout(),
                    () -> browser.evaluate(ids).asText().contains(run + "1") && browser.evaluate(ids).asText().contains(run + "2"));
            assertThat(browser.evaluate("document.querySelector(\"#articles li[data-id='" + run + "1'] .title\").textContent")
                    .asText()).isEqualTo("Article " + run + "1");
            assertThat(browser.evaluate("document.querySelector(\"#articles li[data-id='" + run + "1'] .tags\").textContent")
                    .asText()).contains("Grace Hopper").contains("politics");
            browser.evaluate("refreshTrending()");
            Waits.until("trending with a sparkline", HeadlessChromium.timeout(),
                    () -> browser.evaluate("document.querySelectorAll('#trending li svg.spark polyline').length").asInt() > 0);
            Path shot = Path.of("target", "live-page.png");
            browser.screenshot(shot);
            assertThat(Files.size(shot)).isGreaterThan(1_000);
        }
    }

    private static void expect(Map<String, List<String>> expected, String topic, boolean matches, String id) {
        if (matches) {
            expected.computeIfAbsent(topic, t -> new ArrayList<>()).add(id);
        }
    }

    /** Reads a route topic (read_committed) until {@code count} records of this run arrived and 3 s more passed. */
    private static List<String> readIds(String topic, String run, int count) {
        List<String> ids = new ArrayList<>();
        Predicate<ConsumerRecord<String, byte[]>> ours = r -> r.key() != null && r.key().startsWith(run);
        try (TopicReader reader = new TopicReader(Map.of("bootstrap.servers", pipeline.bootstrapServers()),
                List.of(topic), true)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settle)) {
                for (var r : reader.poll(Duration.ofMillis(200))) {
                    if (ours.test(r)) {
                        ids.add(r.key());
                    }
                }
                if (ids.size() >= count && settle == Long.MAX_VALUE) {
                    settle = System.nanoTime() + Duration.ofSeconds(3).toNanos(); // any duplicate would show
                }
            }
        }
        return ids;
    }

    private static BufferedReader open(String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.io.InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + ": " + e, e);
        }
    }

    private static void send(List<EnrichedArticle> articles) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", pipeline.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (EnrichedArticle a : articles) {
                producer.send(new ProducerRecord<>(topics.enriched().name(), a.getId(),
                        topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), a)));
            }
            producer.flush();
        }
    }

    private static EnrichedArticle article(String id, String lang, String person, double salience, double politics,
                                           boolean duplicate, int words) {
        return EnrichedArticle.newBuilder()
                .setId(id).setUrl("https://news.test/" + id).setTitle("Article " + id).setSite("News Test")
                .setLanguage(lang).setText("Text of " + id).setWordCount(words)
                .setEntities(List.of(new Entity(person, EntityType.PERSON, 1, salience, List.of())))
                .setTopics(List.of(new TopicTag("medtop:11000000", "politics", politics)))
                .setDuplicateOf(duplicate ? "earlier" : null).setDuplicateScore(duplicate ? 0.97 : null)
                .setFetchedAt(Instant.now()).setSource(new Source(SourceKind.PRODUCER, "PublishIT"))
                .setProcessing(Processing.newBuilder().setEnrichedAt(Instant.now()).setPipelineVersion("it").build())
                .build();
    }
}
