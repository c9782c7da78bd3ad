package io.newsflow.cli;

import io.newsflow.embedded.EmbeddedStack;
import io.newsflow.enrich.service.EnrichService;
import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One fault experiment's own slice of the shared broker: its topics, Streams application ids and
 * state directories, so experiments run one after another on one broker and registry without
 * seeing each other's records. Services run in this JVM ({@link #startEnrich}) or as separate
 * {@code newsflow} processes ({@link #serviceArgs}).
 */
final class FaultLane implements AutoCloseable {

    private final String name;
    private final EmbeddedStack stack;
    private final TopicNames names;
    private final Topics topics;
    private final Path stateDir;
    private final int partitions;
    private final List<KafkaStreams> apps = new ArrayList<>();

    FaultLane(EmbeddedStack stack, String name, int partitions) {
        this.name = name;
        this.stack = stack;
        this.partitions = partitions;
        String prefix = "fault." + name + ".";
        this.names = new TopicNames(prefix + "raw", prefix + "enriched", prefix + "dlq", prefix + "json",
                prefix + "fetch-status", prefix + "dlq-replays", prefix + "articles-latest", prefix + "trending");
        stack.kafka().createTopics(names.topicConfigs(), partitions);
        this.topics = Topics.create(names, RegistrySerdeFactory.create(stack.registry().apiUrl(), Map.of()));
        try {
            this.stateDir = Files.createTempDirectory("newsflow-fault-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    TopicNames names() {
        return names;
    }

    Topics topics() {
        return topics;
    }

    EmbeddedStack stack() {
        return stack;
    }

    Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", stack.kafka().bootstrapServers());
    }

    /**
     * The settings of one service instance of this lane. Each instance gets its own state
     * directory ({@code instance}); an instance restarted with the same one keeps its Streams
     * process id, hence its transactional ids, and fences what its predecessor left open.
     */
    Map<String, String> serviceConfig(String service, String instance, Map<String, String> extra) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("kafka.bootstrap.servers", stack.kafka().bootstrapServers());
        c.put("registry.url", stack.registry().apiUrl());
        c.put("kafka.application.id", "fault-" + name + "-" + service);
        c.put("kafka.state.dir", stateDir.resolve(instance).toString());
        c.put("topic.raw", names.raw());
        c.put("topic.enriched", names.enriched());
        c.put("topic.dlq", names.deadLetters());
        c.put("topic.enriched-json", names.enrichedJson());
        c.put("topic.fetch-status", names.fetchStatus());
        c.put("topic.dlq-replays", names.deadLetterReplays());
        c.put("topic.articles-latest", names.articlesLatest());
        c.put("topic.trending", names.trending());
        // Short test: commit often, and notice a killed member within seconds, not 45 s.
        c.put("kafka.commit.interval.ms", "100");
        c.put("kafka.session.timeout.ms", "6000");
        c.put("kafka.heartbeat.interval.ms", "1500");
        if (service.equals("enrich")) {
            // The band search on as many partitions as the lane's topics, as the README asks of a deployment.
            c.put("enrich.dedupe.partitions", Integer.toString(partitions));
        }
        c.putAll(extra);
        return c;
    }

    /** Starts an enrich instance in this JVM. */
    KafkaStreams startEnrich(String instance, Map<String, String> extra) {
        return start(EnrichService.create(EmbeddedPipeline.config(EnrichService.DEFAULTS, Map.of(),
                serviceConfig("enrich", instance, extra))));
    }

    /** Starts a publish instance in this JVM. */
    KafkaStreams startPublish(Map<String, String> extra) {
        Map<String, String> noApi = new java.util.HashMap<>(extra);
        noApi.putIfAbsent("publish.http.port", "");  // the fault tests look at topics, not the API
        return start(PublishService.create(EmbeddedPipeline.config(PublishService.DEFAULTS, Map.of(),
                serviceConfig("publish", "publish", noApi))).streams());
    }

    private KafkaStreams start(KafkaStreams app) {
        apps.add(app);
        app.start();
        return app;
    }

    /** The command line of {@code newsflow <service>} for a separate JVM with this lane's settings. */
    List<String> serviceArgs(String service, String instance, Map<String, String> extra) {
        List<String> args = new ArrayList<>(List.of(service));
        serviceConfig(service, instance, extra).forEach((k, v) -> {
            args.add("-D");
            args.add(k + "=" + v);
        });
        return args;
    }

    /** Waits until every Streams application started here runs. */
    void awaitRunning(Duration timeout) {
        Waits.until("Streams applications of lane " + name + " running", timeout,
                () -> apps.stream().allMatch(a -> a.state() == KafkaStreams.State.RUNNING));
    }

    /** Stops the applications started here and deletes the lane's state. */
    @Override
    public void close() {
        apps.forEach(a -> a.close(Duration.ofSeconds(30)));
        try (Stream<Path> walk = Files.walk(stateDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Temporary state left behind is harmless.
        }
    }
}
