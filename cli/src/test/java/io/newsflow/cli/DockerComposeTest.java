package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.enrich.service.EnrichService;
import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.config.ServiceConfig;
import java.io.IOException;
import java.nio.file.Files;
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
    void topicSetupRunsNewsflowTopicsCreateSoTopicSettingsComeFromTheTopicRegistry() {
        JsonNode topics = compose.at("/services/topics");
        assertThat(topics.get("image").asText()).startsWith("newsflow");
        assertThat(topics.get("command").get(0).asText()).isEqualTo("topics");
        assertThat(topics.get("command").get(1).asText()).isEqualTo("create");
        assertThat(topics.at("/depends_on/registry/condition").asText()).isEqualTo("service_healthy");
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckAndRestarts() {
        for (String service : List.of("kafka", "registry", "ingest", "enrich", "publish")) {
            JsonNode s = compose.at("/services/" + service);
            assertThat(s.at("/healthcheck/test").isMissingNode()).as("%s health check", service).isFalse();
            assertThat(s.get("restart").asText()).as(service).isEqualTo("unless-stopped");
        }
        assertThat(compose.at("/services/ingest/command").toString()).contains("--follow");
    }

    @Test
    void stateLivesInVolumesOwnedByTheServiceUser() throws IOException {
        String dockerfile = Files.readString(Path.of("..", "Dockerfile"));
        assertThat(dockerfile).contains("USER newsflow").containsPattern("chown newsflow:newsflow /state");
        assertThat(dockerfile).as("every container gets a volume for its state").contains("VOLUME [\"/state\"]");
        for (String service : List.of("enrich", "publish")) {
            JsonNode s = compose.at("/services/" + service);
            assertThat(s.at("/environment/NEWSFLOW_KAFKA_STATE_DIR").asText()).isEqualTo("/state");
            assertThat(s.at("/stop_grace_period").asText()).as("time to commit and leave the group on a stop").isEqualTo("40s");
        }
        assertThat(compose.at("/services/publish/volumes").get(0).asText()).isEqualTo("publish-state:/state");
        // enrich is scaled (--scale enrich=3): a named volume would put all instances in one state
        // directory, which Kafka Streams locks; the image's anonymous volume gives each its own.
        JsonNode enrichVolumes = compose.at("/services/enrich/volumes");
        if (!enrichVolumes.isMissingNode()) {
            enrichVolumes.forEach(v -> assertThat(v.asText()).doesNotEndWith(":/state"));
        }
        assertThat(Files.exists(Path.of("..", ".dockerignore"))).isTrue();
    }

    @Test
    void theRegistryKeepsSchemasAcrossRestartsAndTheBrokerMatchesTheClients() throws IOException {
        assertThat(compose.at("/services/registry/environment/APICURIO_STORAGE_KIND").asText()).isEqualTo("kafkasql");
        String pom = Files.readString(Path.of("..", "pom.xml"));
        String kafkaVersion = pom.replaceAll("(?s).*<kafka.version>([^<]+)</kafka.version>.*", "$1");
        assertThat(compose.at("/services/kafka/image").asText()).isEqualTo("apache/kafka:" + kafkaVersion);
    }

    @Test
    void servicesUseTheConfluentCompatibleRegistryApi() {
        for (String service : List.of("topics", "ingest", "enrich", "publish")) {
            assertThat(compose.at("/services/" + service + "/environment/NEWSFLOW_REGISTRY_URL").asText())
                    .endsWith("/apis/ccompat/v7");
        }
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
