package io.newsflow.cli;

import io.newsflow.embedded.EmbeddedStack;
import io.newsflow.enrich.service.EnrichService;
import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.topics.TopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The whole pipeline on one machine: an embedded broker and registry, and the enrich and publish
 * Streams applications running against them, with publish's HTTP API on loopback. What
 * {@code local} and {@code demo} run.
 */
final class EmbeddedPipeline implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final EmbeddedStack stack;
    private final Path stateDir;
    private final List<KafkaStreams> apps;
    private final PublishService publish;

    private EmbeddedPipeline(EmbeddedStack stack, Path stateDir, List<KafkaStreams> apps, PublishService publish) {
        this.stack = stack;
        this.stateDir = stateDir;
        this.apps = apps;
        this.publish = publish;
    }

    /**
     * Starts broker, registry, topics (with the route topics of {@code publish.routes}, when set), and
     * both Streams applications; returns once they run.
     */
    static EmbeddedPipeline start(int partitions, Map<String, String> overrides) {
        String routes = overrides.getOrDefault("publish.routes", "");
        EmbeddedStack stack = EmbeddedStack.start(TopicsCommand.withRoutes(TopicNames.DEFAULTS,
                routes.isBlank() ? null : Path.of(routes)), partitions);
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("newsflow-streams-");
        } catch (IOException e) {
            stack.close();
            throw new UncheckedIOException(e);
        }
        Map<String, String> connection = Map.of(
                "kafka.bootstrap.servers", stack.kafka().bootstrapServers(),
                "registry.url", stack.registry().apiUrl(),
                "kafka.state.dir", stateDir.toString());
        // The near-duplicate search spreads over as many partitions as the topics have (see DedupeStage).
        Map<String, String> enrichOverrides = new java.util.HashMap<>(Map.of("enrich.dedupe.partitions",
                Integer.toString(partitions)));
        enrichOverrides.putAll(overrides);
        KafkaStreams enrich = EnrichService.create(config(EnrichService.DEFAULTS, connection, enrichOverrides));
        // The API on loopback, any free port, unless the caller says otherwise.
        Map<String, String> api = new java.util.HashMap<>(Map.of("publish.http.port", "0",
                "publish.http.host", "127.0.0.1"));
        api.putAll(overrides);
        PublishService publish = PublishService.create(config(PublishService.DEFAULTS, connection, api));
        EmbeddedPipeline pipeline = new EmbeddedPipeline(stack, stateDir, List.of(enrich, publish.streams()), publish);
        try {
            enrich.start();
            publish.streams().start();
            pipeline.awaitRunning();
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        return pipeline;
    }

    static ServiceConfig config(String defaults, Map<String, String> connection, Map<String, String> overrides) {
        return ServiceConfig.load(defaults, null, Map.of(), Map.of()).with(connection).with(overrides);
    }

    /** The broker address for clients. */
    String bootstrapServers() {
        return stack.kafka().bootstrapServers();
    }

    /** The registry's core API URL (Apicurio serdes). */
    String registryUrl() {
        return stack.registry().apiUrl();
    }

    /** The publish service's API and live page, e.g. {@code http://127.0.0.1:41234}. */
    String publishUrl() {
        return publish.url().orElse("");
    }

    /** The registry's Confluent-compatible API URL. */
    String confluentRegistryUrl() {
        return stack.registry().confluentCompatibleUrl();
    }

    private void awaitRunning() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (apps.stream().anyMatch(a -> a.state() != KafkaStreams.State.RUNNING)) {
            if (apps.stream().anyMatch(a -> a.state() == KafkaStreams.State.ERROR
                    || a.state() == KafkaStreams.State.PENDING_ERROR)) {
                throw new IllegalStateException("a Streams application failed to start: " + states());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Streams applications not running after " + START_TIMEOUT + ": " + states());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting", e);
            }
        }
    }

    private String states() {
        return apps.stream().map(a -> a.state().name()).toList().toString();
    }

    /** Stops the applications, then the broker and registry, and removes local state. */
    @Override
    public void close() {
        publish.close();
        apps.forEach(a -> a.close(Duration.ofSeconds(30)));
        stack.close();
        try (Stream<Path> walk = Files.walk(stateDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Temporary state left behind is harmless; the OS cleans temp directories.
        }
    }
}
