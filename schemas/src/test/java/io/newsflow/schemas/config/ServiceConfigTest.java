package io.newsflow.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceConfigTest {

    private static final String DEFAULTS = "test-defaults.properties";

    @Test
    void anEnvironmentVariableReachesAHyphenatedKey() {
        ServiceConfig c = ServiceConfig.load(DEFAULTS, null,
                Map.of("NEWSFLOW_INGEST_REFETCH_AFTER_HOURS", "12", "NEWSFLOW_KAFKA_SASL_MECHANISM", "PLAIN"), Map.of());
        assertThat(c.get("ingest.refetch-after-hours")).isEqualTo("12");
        assertThat(c.kafka()).containsEntry("sasl.mechanism", "PLAIN");
        assertThat(c.origins()).containsEntry("ingest.refetch-after-hours", "env NEWSFLOW_INGEST_REFETCH_AFTER_HOURS");
    }

    @Test
    void aDoubleUnderscoreIsAHyphenForKeysNotInTheDefaults() {
        ServiceConfig c = ServiceConfig.load(DEFAULTS, null, Map.of("NEWSFLOW_REGISTRY_BASIC__AUTH", "u:p"), Map.of());
        assertThat(c.get("registry.basic-auth")).isEqualTo("u:p");
    }

    @Test
    void aMisspelledKeyFailsNamingTheNearestValidOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("my.properties");
        Files.writeString(file, "ingest.refetch-after-hour=3\n");
        assertThatThrownBy(() -> ServiceConfig.load(DEFAULTS, file, Map.of(), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'ingest.refetch-after-hour'").hasMessageContaining("did you mean 'ingest.refetch-after-hours'");
        assertThatThrownBy(() -> ServiceConfig.load(DEFAULTS, null, Map.of("NEWSFLOW_REGSITRY_URL", "x"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("did you mean 'registry.url'");
    }

    @Test
    void keysOfAnotherServiceOrPassedThroughOrOfOnesOwnStepAreLeftAlone() {
        ServiceConfig c = ServiceConfig.load(DEFAULTS, null, Map.of("NEWSFLOW_PUBLISH_ANYTHING", "1",
                "NEWSFLOW_JAVA", "/usr/bin/java", "NEWSFLOW_LOG_LEVEL", "DEBUG"),
                Map.of("kafka.linger.ms", "5", "apicurio.registry.x", "y", "enrich.mystep.threshold", "0.3"));
        assertThat(c.get("kafka.linger.ms")).isEqualTo("5");
        assertThat(c.asMap()).doesNotContainKeys("java", "log.level");
    }

    @Test
    void secretsAreMaskedWhenTheConfigurationIsPrinted() {
        ServiceConfig c = ServiceConfig.load(DEFAULTS, null, Map.of(),
                Map.of("kafka.sasl.jaas.config", "user=\"a\" password=\"s3cret\"", "registry.basic-auth", "a:s3cret"));
        assertThat(String.join("\n", c.describe())).doesNotContain("s3cret")
                .contains("kafka.sasl.jaas.config=****\t# flag").contains("ingest.max-hosts=100000\t# default");
    }

    @Test
    void typedGettersSayWhichKeyIsWrong() {
        ServiceConfig c = ServiceConfig.of(Map.of("a.flag", "yes", "a.wait", "2.5", "a.iso", "PT1M", "a.size", "16MiB",
                "a.plain", "1024", "a.bad", "lots"));
        assertThat(c.getBytes("a.size", 0)).isEqualTo(16L * 1024 * 1024);
        assertThat(c.getBytes("a.plain", 0)).isEqualTo(1024);
        assertThatThrownBy(() -> c.getBytes("a.bad", 0)).isInstanceOf(ConfigException.class).hasMessageContaining("a.bad");
        assertThatThrownBy(() -> c.getBoolean("a.flag", false)).isInstanceOf(ConfigException.class).hasMessageContaining("a.flag");
        assertThat(c.getSeconds("a.wait", Duration.ZERO)).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.getSeconds("a.iso", Duration.ZERO)).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.getSeconds("a.none", Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
    }
}
