package io.newsflow.embedded;

import java.util.Collection;
import java.util.Map;

/**
 * A Kafka broker and a schema registry together: what {@code newsflow local}, the demo and the
 * integration tests run against. Starts both in parallel, since the registry is the slower one.
 */
public final class EmbeddedStack implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedRegistry registry;

    private EmbeddedStack(EmbeddedKafka kafka, EmbeddedRegistry registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Starts the registry (child process) and the broker (in-process), then creates the topics. */
    public static EmbeddedStack start(Collection<String> topics, int partitions) {
        Map<String, Map<String, String>> configs = new java.util.LinkedHashMap<>();
        topics.forEach(t -> configs.put(t, Map.of()));
        return start(configs, partitions);
    }

    /** Starts both, creating the topics with their topic-level settings. */
    public static EmbeddedStack start(Map<String, Map<String, String>> topics, int partitions) {
        return start(topics, partitions, null);
    }

    /**
     * Starts both, the registry keeping its schemas in {@code registryDataDir} (null: in memory),
     * so that it can be stopped and restarted without losing schema ids.
     */
    public static EmbeddedStack start(Map<String, Map<String, String>> topics, int partitions,
                                      java.nio.file.Path registryDataDir) {
        var registryStart = new java.util.concurrent.CompletableFuture<EmbeddedRegistry>();
        Thread starter = Thread.ofPlatform().name("registry-start").start(() -> {
            try {
                registryStart.complete(EmbeddedRegistry.start(registryDataDir));
            } catch (RuntimeException e) {
                registryStart.completeExceptionally(e);
            }
        });
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start();
            kafka.createTopics(topics, partitions);
        } catch (RuntimeException e) {
            registryStart.thenAccept(EmbeddedRegistry::close);
            throw e;
        }
        try {
            starter.join();
            return new EmbeddedStack(kafka, registryStart.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kafka.close();
            throw new EmbeddedStartException("interrupted while starting the registry", e);
        } catch (java.util.concurrent.CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    /** The broker. */
    public EmbeddedKafka kafka() {
        return kafka;
    }

    /** The registry. */
    public EmbeddedRegistry registry() {
        return registry;
    }

    /** Stops the broker, then the registry. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            registry.close();
        }
    }
}
