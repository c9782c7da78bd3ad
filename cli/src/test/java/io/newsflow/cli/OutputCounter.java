package io.newsflow.cli;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.HashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.header.Header;

/**
 * Reads a lane's outputs (enriched, dead letters, JSON projection) with {@code read_committed}
 * in a background thread, the way a downstream consumer sees them, and counts every article id
 * on each. Survives a broker restart (the consumer reconnects by itself). Also notes when each
 * output record arrived, for recovery times.
 */
final class OutputCounter implements AutoCloseable {

    private static final Duration QUIET = Duration.ofSeconds(3);

    private final FaultLane lane;
    private final Map<String, Integer> enriched = new ConcurrentHashMap<>();
    private final Map<String, Integer> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Integer> json = new ConcurrentHashMap<>();
    private final Map<String, String> deadLetterStages = new ConcurrentHashMap<>();
    private final List<Long> arrivals = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;
    private volatile long lastArrival = System.nanoTime();
    private volatile long completedAt = -1;

    /** Starts reading the lane's output topics from the beginning. */
    OutputCounter(FaultLane lane) {
        this.lane = lane;
        var names = lane.names();
        this.reader = Thread.ofPlatform().name("output-counter-" + lane.name()).daemon().start(() -> {
            try (var consumer = assignedFromStart(lane.clientConfig(),
                    List.of(names.enriched(), names.deadLetters(), names.enrichedJson()))) {
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        count(r);
                    }
                }
            }
        });
    }

    /**
     * A read_committed consumer assigned every partition of {@code topics} from offset 0, without
     * a consumer group: a group would re-join after a broker restart and, having committed
     * nothing, read everything again, which would look like duplicates that are not in the log.
     */
    static KafkaConsumer<String, byte[]> assignedFromStart(Map<String, Object> kafka, List<String> topics) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(60))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private void count(ConsumerRecord<String, byte[]> r) {
        long now = System.nanoTime();
        lastArrival = now;
        String key = String.valueOf(r.key());
        if (r.topic().equals(lane.names().enrichedJson())) {
            json.merge(key, 1, Integer::sum);
            return;
        }
        if (r.topic().equals(lane.names().enriched())) {
            enriched.merge(key, 1, Integer::sum);
        } else {
            deadLetters.merge(key, 1, Integer::sum);
            Header stage = r.headers().lastHeader("newsflow.error.stage");
            deadLetterStages.put(key, stage == null ? "?" : new String(stage.value(), StandardCharsets.UTF_8));
        }
        synchronized (arrivals) {
            arrivals.add(now);
        }
    }

    /** Enriched records read so far (duplicates included). */
    int enrichedRecords() {
        return enriched.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The stage header of the dead letter keyed {@code key}, or null. */
    String deadLetterStage(String key) {
        return deadLetterStages.get(key);
    }

    /**
     * Milliseconds from {@code sinceNanos} to the first enriched or dead-letter record read after
     * it, or -1 if none came.
     */
    long millisToFirstOutputAfter(long sinceNanos) {
        synchronized (arrivals) {
            return arrivals.stream().filter(t -> t >= sinceNanos).findFirst()
                    .map(t -> (t - sinceNanos) / 1_000_000).orElse(-1L);
        }
    }

    /**
     * Milliseconds from {@code sinceNanos} until {@link #awaitComplete} first saw every input
     * out, or -1 if it never did.
     */
    long millisToCompleteAfter(long sinceNanos) {
        return completedAt < 0 ? -1 : Math.max(0, (completedAt - sinceNanos) / 1_000_000);
    }

    /**
     * Waits until every input id is on the enriched or dead-letter topic and every enriched id on
     * the JSON topic, then for a quiet spell (a late duplicate would show up in it), and tallies.
     * When the deadline passes first, the tally says what is missing.
     */
    Tally awaitComplete(Set<String> inputs, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean complete = inputs.stream().allMatch(id -> enriched.containsKey(id) || deadLetters.containsKey(id))
                    && json.keySet().containsAll(enriched.keySet());
            if (complete && completedAt < 0) {
                completedAt = System.nanoTime();
            }
            if (complete && System.nanoTime() - lastArrival > QUIET.toNanos()) {
                break;
            }
            Waits.sleep(Duration.ofMillis(100));
        }
        return tally(inputs);
    }

    /** Counts as they stand. */
    Tally tally(Set<String> inputs) {
        Set<String> duplicated = new HashSet<>();
        List<String> names = List.of("enriched", "dlq", "json");
        List<Map<String, Integer>> all = List.of(enriched, deadLetters, json);
        for (int i = 0; i < all.size(); i++) {
            String topic = names.get(i);
            all.get(i).forEach((id, n) -> {
                if (n > 1) {
                    duplicated.add(topic + ":" + id + "x" + n);
                }
            });
        }
        int missing = (int) inputs.stream().filter(id -> !enriched.containsKey(id) && !deadLetters.containsKey(id))
                .count();
        Set<String> jsonMissing = new HashSet<>(enriched.keySet());
        jsonMissing.removeAll(json.keySet());
        Set<String> jsonExtra = new HashSet<>(json.keySet());
        jsonExtra.removeAll(enriched.keySet());
        Set<String> unknown = new HashSet<>(enriched.keySet());
        unknown.addAll(deadLetters.keySet());
        unknown.removeAll(inputs);
        return new Tally(inputs.size(), enriched.size(), deadLetters.size(), duplicated.size(), missing,
                jsonMissing.size() + jsonExtra.size(), unknown.size(), Set.copyOf(duplicated));
    }

    @Override
    public void close() {
        running.set(false);
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What came out for a set of inputs.
     *
     * @param inputs ids sent
     * @param enriched distinct ids on the enriched topic
     * @param deadLetters distinct ids on the dead-letter topic
     * @param duplicates ids found more than once on any one output topic
     * @param missing inputs on neither the enriched nor the dead-letter topic
     * @param jsonMismatch ids on only one of the enriched and JSON topics
     * @param unknown output ids that were never sent
     * @param duplicated the duplicated ids, for the failure message
     */
    record Tally(int inputs, int enriched, int deadLetters, int duplicates, int missing, int jsonMismatch,
                 int unknown, Set<String> duplicated) {

        /** The one-line figure a report quotes. */
        String line(String fault, long recoveryMillis) {
            return String.format(java.util.Locale.ROOT,
                    "fault=%s inputs=%d enriched=%d dlq=%d duplicates=%d missing=%d json_mismatch=%d recovery_ms=%d",
                    fault, inputs, enriched, deadLetters, duplicates, missing, jsonMismatch, recoveryMillis);
        }
    }
}
