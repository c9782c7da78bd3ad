package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Processing;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * Two publish instances of one application: each holds some partitions of the state, and either
 * one answers for any article id (through the instance holding it) and for trending (merging both).
 */
class PublishScaleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void eitherInstanceAnswersForEveryKeyThroughTheInstanceThatHoldsIt() throws Exception {
        try (EmbeddedPipeline pipeline = EmbeddedPipeline.start(2, Map.of("kafka.commit.interval.ms", "100"));
             PublishService second = PublishService.create(EmbeddedPipeline.config(PublishService.DEFAULTS,
                     Map.of("kafka.bootstrap.servers", pipeline.bootstrapServers(), "registry.url", pipeline.registryUrl(),
                             "kafka.state.dir", Files.createTempDirectory("publish-second-").toString()),
                     Map.of("publish.http.port", "0", "publish.http.host", "127.0.0.1",
                             "kafka.commit.interval.ms", "100")))) {
            second.streams().start();
            Waits.until("the second instance running", Duration.ofSeconds(90),
                    () -> second.streams().state() == KafkaStreams.State.RUNNING
                            && second.streams().metadataForAllStreamsClients().size() == 2);
            List<String> apis = List.of(pipeline.publishUrl(), second.url().orElseThrow());
            Topics topics = Topics.create(TopicNames.DEFAULTS, RegistrySerdeFactory.create(pipeline.registryUrl(), Map.of()));
            List<String> ids = new ArrayList<>();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", pipeline.bootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 12; i++) {
                    EnrichedArticle a = article("scale-" + i, "Scaler " + i);
                    ids.add(a.getId());
                    producer.send(new ProducerRecord<>(topics.enriched().name(), a.getId(),
                            topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), a)));
                }
            }
            Set<String> servedBy = new HashSet<>();
            boolean forwarded = false;
            for (String id : ids) {
                for (String api : apis) {
                    Waits.until(id + " from " + api, Duration.ofSeconds(90), () -> get(api + "/articles/" + id).statusCode() == 200);
                    HttpResponse<String> r = get(api + "/articles/" + id);
                    assertThat(JSON.readTree(r.body()).path("id").asText()).isEqualTo(id);
                    String by = r.headers().firstValue("X-Newsflow-Served-By").orElseThrow();
                    servedBy.add(by);
                    forwarded |= !api.endsWith(by);
                }
            }
            assertThat(servedBy).as("both instances hold some articles").hasSize(2);
            assertThat(forwarded).as("some requests answered through the other instance").isTrue();

            for (String api : apis) {
                Waits.until("every Scaler trending on " + api, Duration.ofSeconds(60), () -> {
                    Set<String> names = trendingNames(api);
                    return ids.stream().allMatch(id -> names.contains("Scaler " + id.substring("scale-".length())));
                });
            }
        }
    }

    private static Set<String> trendingNames(String api) {
        Set<String> names = new HashSet<>();
        try {
            JsonNode body = JSON.readTree(get(api + "/trending?type=PERSON&limit=100").body());
            body.path("entries").forEach(e -> names.add(e.path("name").asText()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + ": " + e, e);
        }
    }

    private static EnrichedArticle article(String id, String person) {
        return EnrichedArticle.newBuilder()
                .setId(id).setUrl("https://news.test/" + id).setTitle("Article " + id).setLanguage("en")
                .setText("Text of " + id).setWordCount(300)
                .setEntities(List.of(new Entity(person, EntityType.PERSON, 1, 0.8, List.of())))
                .setFetchedAt(Instant.now()).setSource(new Source(SourceKind.PRODUCER, "PublishScaleIT"))
                .setProcessing(Processing.newBuilder().setEnrichedAt(Instant.now()).setPipelineVersion("it").build())
                .build();
    }
}
