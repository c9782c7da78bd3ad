package io.newsflow.ingest.pipeline;

import io.newsflow.schemas.avro.FetchOutcome;
import io.newsflow.schemas.topics.Topic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The article ids ingest already fetched a page for, so a restart does not fetch and emit them
 * again. Rebuilt at start-up from the compacted fetch-status topic (its latest outcome per id), so
 * it survives restarts and needs no other store; outcomes of this run are added as they happen.
 */
public final class SeenSet {

    private static final Logger LOG = LoggerFactory.getLogger(SeenSet.class);
    private static final Set<String> FETCHED = Set.of("OK", "TOO_LARGE_TRUNCATED", "NOT_MODIFIED");

    private final Map<String, java.time.Instant> fetchedAt;
    private final java.time.Duration refetchAfter;

    private SeenSet(Map<String, java.time.Instant> fetchedAt, java.time.Duration refetchAfter) {
        this.fetchedAt = fetchedAt;
        this.refetchAfter = refetchAfter;
    }

    /** An empty set (re-fetch everything). */
    public static SeenSet empty() {
        return new SeenSet(new java.util.concurrent.ConcurrentHashMap<>(), null);
    }

    /**
     * Reads the fetch-status topic to its current end. A page fetched longer ago than
     * {@code refetchAfter} is due again (null: never); enrich then tells whether its text changed
     * (a new revision) or not.
     */
    public static SeenSet load(Map<String, Object> kafkaConfig, Topic<String, FetchOutcome> status,
                               java.time.Duration refetchAfter) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-ingest-seen-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The config may be a producer's or a Streams app's: keep what a consumer understands
        // (connection and security settings), so no unknown-setting warnings.
        config.keySet().retainAll(ConsumerConfig.configNames());
        Map<String, java.time.Instant> ids = new java.util.concurrent.ConcurrentHashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(status.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    FetchOutcome o = status.valueSerde().deserializer().deserialize(r.topic(), r.headers(), r.value());
                    if (FETCHED.contains(o.getStatus())) {
                        ids.put(r.key(), o.getFetchedAt());
                    } else {
                        ids.remove(r.key());
                    }
                }
            }
        }
        LOG.info("{} article ids already fetched (from {})", ids.size(), status.name());
        return new SeenSet(ids, refetchAfter);
    }

    /** True when a page for this id was fetched and is not due for a re-fetch yet. */
    public boolean contains(String id) {
        java.time.Instant at = fetchedAt.get(id);
        return at != null && (refetchAfter == null || at.isAfter(java.time.Instant.now().minus(refetchAfter)));
    }

    /** Records an outcome of this run. */
    void record(String id, String status, java.time.Instant at) {
        if (FETCHED.contains(status)) {
            fetchedAt.put(id, at);
        }
    }

    /** How many ids are known. */
    public int size() {
        return fetchedAt.size();
    }

}
