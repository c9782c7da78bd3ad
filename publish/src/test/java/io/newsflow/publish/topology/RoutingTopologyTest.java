package io.newsflow.publish.topology;

import static io.newsflow.publish.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.publish.rules.Routes;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoutingTopologyTest {

    private static final String ROUTES = """
            routes:
              - name: english
                topic: route.english.v1
                match: {language: en}
              - name: people-json
                topic: route.people.v1
                format: json
                match: {entity: {type: PERSON, min-salience: 0.5}}
              - name: no-duplicates
                topic: route.originals.v1
                match: {duplicate: false, words: {min: 100}}
            """;

    private final PlainAvroSerdeFactory serdes = new PlainAvroSerdeFactory();
    private final Topics topics = Topics.create(TopicNames.DEFAULTS, serdes);
    private TopologyTestDriver driver;
    private TestInputTopic<String, EnrichedArticle> in;

    @BeforeEach
    void setUp() {
        driver = new TopologyTestDriver(PublishTopology.build(PublishConfig.defaults(topics, serdes)
                .withRoutes(Routes.parse("routes.yaml", ROUTES))));
        in = driver.createInputTopic(topics.enriched().name(), new StringSerializer(),
                topics.enriched().valueSerde().serializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    @Test
    void anArticleMatchingSeveralRoutesIsWrittenToEachInItsFormat() throws Exception {
        in.pipeInput("a1", article("a1").entity("Jane Doe", EntityType.PERSON, 0.8).build());
        var english = driver.createOutputTopic("route.english.v1", new StringDeserializer(),
                serdes.avroValue(EnrichedArticle.class).deserializer()).readKeyValuesToList();
        var people = driver.createOutputTopic("route.people.v1", new StringDeserializer(), new StringDeserializer())
                .readKeyValuesToList();
        var originals = driver.createOutputTopic("route.originals.v1", new StringDeserializer(),
                serdes.avroValue(EnrichedArticle.class).deserializer()).readKeyValuesToList();
        assertThat(english).singleElement().satisfies(kv -> {
            assertThat(kv.key).isEqualTo("a1");
            assertThat(kv.value.getEntities().get(0).getName()).isEqualTo("Jane Doe");
        });
        assertThat(people).singleElement().satisfies(kv ->
                assertThat(new ObjectMapper().readTree(kv.value).path("id").asText()).isEqualTo("a1"));
        assertThat(originals).extracting(kv -> kv.key).containsExactly("a1");
    }

    @Test
    void anArticleMatchingNoRouteIsOnlyProjectedAndRoutingGoesOn() {
        in.pipeInput("de1", article("de1").language("de").words(50).duplicateOf("x").build());
        in.pipeInput("en2", article("en2").language("en").words(50).build());
        assertThat(driver.createOutputTopic("route.english.v1", new StringDeserializer(), new StringDeserializer())
                .readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("en2");
        assertThat(driver.createOutputTopic("route.people.v1", new StringDeserializer(), new StringDeserializer())
                .isEmpty()).isTrue();
        assertThat(driver.createOutputTopic("route.originals.v1", new StringDeserializer(), new StringDeserializer())
                .isEmpty()).isTrue();
        assertThat(driver.createOutputTopic(topics.enrichedJson().name(), new StringDeserializer(),
                new StringDeserializer()).readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("de1", "en2");
    }
}
