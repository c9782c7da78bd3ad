package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.enrich.service.EnrichService;
import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.topics.TopicNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No Docker engine runs here: the compose file is checked by parsing it. */
class DockerComposeTest {

    private final JsonNode compose = read();

    @Test
    void definesBrokerRegistryTopicSetupAndTheThreeServices() {
        assertThat(names(compose.get("services")))
                .contains("kafka", "registry", "topics", "ingest", "enrich", "publish");
    }

    @Test
    void singleNodeBrokerLowersInternalReplicationSoExactlyOnceWorks() {
        JsonNode env = compose.at("/services/kafka/environment");
        assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asInt()).isEqualTo(1);
        assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asInt()).isEqualTo(1);
        assertThat(env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asInt()).isEqualTo(1);
        assertThat(env.get("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
    }

    @Test
    void topicSetupCreatesEveryTopicOfTheRegistry() {
        String script = compose.at("/services/topics/command").get(0).asText();
        assertThat(TopicNames.DEFAULTS.all()).allSatisfy(t -> assertThat(script).contains(t));
    }

    @Test
    void servicesRunTheCliCommandsAndTheirSettingsNameRealConfigurationKeys() {
        Map<String, String> defaults = Map.of("ingest", IngestCommand.DEFAULTS, "enrich", EnrichService.DEFAULTS,
                "publish", PublishService.DEFAULTS);
        defaults.forEach((service, resource) -> {
            JsonNode s = compose.at("/services/" + service);
            assertThat(s.get("command").get(0).asText()).isEqualTo(service);
            Map<String, String> env = new java.util.HashMap<>();
            names(s.get("environment")).forEach(var -> env.put(var, "x"));
            // Loading fails on an environment variable that names no key the service knows.
            ServiceConfig config = ServiceConfig.load(resource, null, env, Map.of());
            for (String var : env.keySet()) {
                assertThat(config.origins()).as("%s of %s sets a key", var, service).containsValue("env " + var);
            }
        });
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new AssertionError("docker-compose.yml unreadable", e);
        }
    }
}
