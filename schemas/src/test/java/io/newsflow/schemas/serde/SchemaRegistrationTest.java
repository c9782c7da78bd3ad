package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.topics.TopicNames;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaRegistrationTest {

    @Test
    void everyTopicWithAnAvroValueHasItsSubject() {
        assertThat(SchemaRegistration.subjects(TopicNames.DEFAULTS).keySet()).containsExactly(
                "news.raw.v1-value", "news.enriched.v1-value", "news.dlq.v1-value", "news.fetch-status.v1-value",
                "news.articles.latest.v1-value", "news.trending.v1-value");
    }

    @Test
    void eachSchemaParsesOnItsOwnAsAProducerInAnotherLanguageGetsIt() {
        SchemaRegistration.schemas().forEach((name, schema) -> {
            Schema parsed = new Schema.Parser().parse(schema.toString(true));
            assertThat(parsed.getName()).isEqualTo(name);
            assertThat(parsed).isEqualTo(schema);
        });
    }

    @Test
    void apicuriosCoreApiUrlMapsToItsConfluentCompatibleApi() {
        assertThat(SchemaRegistration.confluentUrl("http://r:8080/apis/registry/v3"))
                .isEqualTo("http://r:8080/apis/ccompat/v7");
        assertThat(SchemaRegistration.confluentUrl("https://sr.example:8081")).isEqualTo("https://sr.example:8081");
        assertThat(RegistrySerdeFactory.isApicurioCoreApi("http://r:8080/apis/ccompat/v7")).isFalse();
        assertThat(RegistrySerdeFactory.isApicurioCoreApi("http://r:8080/apis/registry/v3")).isTrue();
    }
}
