package io.newsflow.schemas.deadletter;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads the dead-letter topic and replays chosen dead letters to their source topic after a fix.
 *
 * <p>A replay is idempotent: each replayed record and a ledger entry naming the dead letter
 * ({@code partition:offset} on the compacted replay-ledger topic) are written in one transaction, and
 * dead letters already in the ledger are skipped, so a second replay of the same selection writes
 * nothing. A replayed record gets back its original headers and a {@code newsflow.replay.attempt}
 * header; if it fails again, its new dead letter says which attempt it was. A dead letter whose value
 * was cut to fit is replayed from its source coordinates, when the source still holds a record with
 * the same SHA-256.
 */
public final class DeadLetterQueue implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> kafka;
    private final Topics topics;
    private final KafkaConsumer<byte[], byte[]> consumer;

    /** A queue over the cluster that {@code kafkaConfig} (bootstrap servers, security) names. */
    public DeadLetterQueue(Map<String, Object> kafkaConfig, Topics topics) {
        this.kafka = Map.copyOf(kafkaConfig);
        this.topics = topics;
        Map<String, Object> config = clientConfig(ConsumerConfig.configNames());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "newsflow-dlq-" + UUID.randomUUID());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Every dead letter matching {@code filter}, oldest first per partition. */
    public List<Entry> list(Filter filter) {
        List<Entry> out = new ArrayList<>();
        readAll(topics.deadLetters().name(), record -> {
            DeadLetter letter;
            try {
                letter = topics.deadLetters().valueSerde().deserializer()
                        .deserialize(topics.deadLetters().name(), record.value());
            } catch (RuntimeException e) {
                return; // Not a dead letter Newsflow wrote: nothing to list or replay.
            }
            Entry entry = new Entry(record.partition(), record.offset(), letter, record.headers());
            if (letter != null && filter.matches(entry)) {
                out.add(entry);
            }
        });
        return out;
    }

    /** The dead letter at {@code partition}/{@code offset}, if there is one: read by seeking there, not by a scan. */
    public Optional<Entry> get(int partition, long offset) {
        TopicPartition tp = new TopicPartition(topics.deadLetters().name(), partition);
        consumer.assign(List.of(tp));
        consumer.seek(tp, offset);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && consumer.position(tp) <= offset) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                if (r.offset() != offset) {
                    return Optional.empty(); // Gone (retention, compaction) or a transaction marker.
                }
                try {
                    DeadLetter letter = topics.deadLetters().valueSerde().deserializer()
                            .deserialize(topics.deadLetters().name(), r.value());
                    return Optional.ofNullable(letter).map(l -> new Entry(r.partition(), r.offset(), l, r.headers()));
                } catch (RuntimeException e) {
                    return Optional.empty(); // Not a dead letter Newsflow wrote.
                }
            }
            if (consumer.endOffsets(List.of(tp)).getOrDefault(tp, 0L) <= offset) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Replays the dead letters matching {@code filter} that were not replayed before; with
     * {@code dryRun} only says what it would do. Returns one outcome per matching dead letter.
     */
    public List<Replay> replay(Filter filter, boolean dryRun) {
        Set<String> done = ledger();
        List<Replay> out = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        for (Entry e : list(filter)) {
            if (done.contains(e.ref())) {
                out.add(new Replay(e, Replay.Status.ALREADY_REPLAYED, "replayed before"));
                continue;
            }
            Planned plan = plan(e);
            if (plan.record() == null) {
                out.add(plan.outcome());
            } else if (dryRun) {
                out.add(new Replay(e, Replay.Status.WOULD_REPLAY, plan.outcome().detail()));
            } else {
                out.add(plan.outcome());
                planned.add(plan);
            }
        }
        if (!dryRun && !planned.isEmpty()) {
            send(planned);
        }
        return out;
    }

    private Planned plan(Entry e) {
        DeadLetter letter = e.letter();
        String target = letter.getSourceTopic();
        if (target == null || target.isBlank()) {
            return new Planned(new Replay(e, Replay.Status.SKIPPED,
                    "no source topic (a failure before Kafka): ingest " + letter.getUrl() + " again"), null);
        }
        byte[] value = original(letter);
        if (value == null) {
            return new Planned(new Replay(e, Replay.Status.SKIPPED, letter.getValueTruncated()
                    ? "value was cut and the source no longer holds the original" : "no value to replay"), null);
        }
        byte[] key = letter.getKey() == null ? null : bytes(letter.getKey());
        Headers headers = new RecordHeaders();
        for (Header h : e.headers()) {
            if (h.key().startsWith(DeadLetters.ORIGINAL_HEADER_PREFIX)
                    && !h.key().equals(DeadLetters.ORIGINAL_HEADER_PREFIX + DeadLetters.HEADER_REPLAY_ATTEMPT)) {
                headers.add(h.key().substring(DeadLetters.ORIGINAL_HEADER_PREFIX.length()), h.value());
            }
        }
        headers.add(DeadLetters.HEADER_REPLAY_ATTEMPT,
                Integer.toString(letter.getAttempt()).getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(target, null, key, value, headers);
        return new Planned(new Replay(e, Replay.Status.REPLAYED, "to " + target), record);
    }

    /** The whole original value: the dead letter's own, or the source record's when it was cut. */
    private byte[] original(DeadLetter letter) {
        if (letter.getValue() != null && !letter.getValueTruncated()) {
            return bytes(letter.getValue());
        }
        if (letter.getValueSha256() == null || letter.getSourcePartition() < 0 || letter.getSourceOffset() < 0) {
            return null;
        }
        TopicPartition tp = new TopicPartition(letter.getSourceTopic(), letter.getSourcePartition());
        consumer.assign(List.of(tp));
        consumer.seek(tp, letter.getSourceOffset());
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                if (r.offset() == letter.getSourceOffset() && r.value() != null
                        && DeadLetters.sha256(r.value()).equals(letter.getValueSha256())) {
                    return r.value();
                }
                return null; // The record at that offset is gone (retention) or another one.
            }
            if (consumer.position(tp) > letter.getSourceOffset()) {
                return null;
            }
        }
        return null;
    }

    private void send(List<Planned> planned) {
        Map<String, Object> config = clientConfig(ProducerConfig.configNames());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newsflow-dlq-replay");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            String ledger = topics.names().deadLetterReplays();
            for (Planned p : planned) {
                producer.send(p.record());
                String note = "{\"replayedAt\":\"" + Instant.now() + "\",\"to\":\"" + p.record().topic() + "\"}";
                producer.send(new ProducerRecord<>(ledger, p.outcome().entry().ref().getBytes(StandardCharsets.UTF_8),
                        note.getBytes(StandardCharsets.UTF_8)));
            }
            producer.commitTransaction();
        }
    }

    /** The dead letters replayed so far, as {@code partition:offset}. */
    private Set<String> ledger() {
        Set<String> done = new HashSet<>();
        readAll(topics.names().deadLetterReplays(), r -> {
            if (r.key() != null) {
                String ref = new String(r.key(), StandardCharsets.UTF_8);
                if (r.value() == null) {
                    done.remove(ref);
                } else {
                    done.add(ref);
                }
            }
        });
        return done;
    }

    /** Reads a topic from its beginning to the end it has now (committed records only). */
    private void readAll(String topic, Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, READ_TIMEOUT));
        end.entrySet().removeIf(en -> consumer.position(en.getKey()) >= en.getValue());
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (!end.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new org.apache.kafka.common.errors.TimeoutException("could not read " + topic + " to its end in "
                        + READ_TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                if (end.containsKey(new TopicPartition(r.topic(), r.partition()))) {
                    sink.accept(r);
                }
            }
            end.entrySet().removeIf(en -> consumer.position(en.getKey()) >= en.getValue());
        }
    }

    private Map<String, Object> clientConfig(Set<String> known) {
        Map<String, Object> config = new HashMap<>(kafka);
        // The config may be a Streams app's: keep what this client understands (connection, security).
        config.keySet().retainAll(known);
        return config;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Override
    public void close() {
        consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
    }

    /**
     * One dead letter where it sits on the dead-letter topic.
     *
     * @param partition its partition
     * @param offset its offset
     * @param letter the dead letter
     * @param headers its record headers (error headers and the input's under a prefix)
     */
    public record Entry(int partition, long offset, DeadLetter letter, Headers headers) {
        /** Its reference, {@code partition:offset}, as the ledger and {@code dlq show} name it. */
        public String ref() {
            return partition + ":" + offset;
        }
    }

    /**
     * Which dead letters to take; null fields match everything.
     *
     * @param stage the failing stage, or a prefix of it ending in '.' (e.g. {@code enrich.})
     * @param since dead letters that failed at or after this time
     * @param articleId dead letters of this article
     */
    public record Filter(String stage, Instant since, String articleId) {
        /** Every dead letter. */
        public static final Filter ALL = new Filter(null, null, null);

        boolean matches(Entry e) {
            DeadLetter l = e.letter();
            boolean stageOk = stage == null || stage.equals(l.getStage())
                    || (stage.endsWith(".") && l.getStage().startsWith(stage));
            return stageOk && (since == null || !l.getFailedAt().isBefore(since))
                    && (articleId == null || articleId.equals(l.getArticleId()));
        }
    }

    /**
     * What a replay did with one dead letter.
     *
     * @param entry the dead letter
     * @param status replayed (or would be, in a dry run), skipped (cannot be replayed) or already replayed
     * @param detail where it went, or why not
     */
    public record Replay(Entry entry, Status status, String detail) {
        /** The outcome of one dead letter. */
        public enum Status { REPLAYED, WOULD_REPLAY, SKIPPED, ALREADY_REPLAYED }
    }

    private record Planned(Replay outcome, ProducerRecord<byte[], byte[]> record) {
    }
}
