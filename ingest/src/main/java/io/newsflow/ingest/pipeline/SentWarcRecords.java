package io.newsflow.ingest.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads back which WARC records reached the raw topic: each page a replay sends carries the
 * header {@value #HEADER} ({@code <warc file name>#<record offset>}), and a resumed replay reads
 * the topic from the ends saved with its checkpoint to find the pages a killed run sent after
 * that checkpoint. The broker is the record of what was sent, not the process that died.
 */
final class SentWarcRecords {

    /** Header naming the WARC file and record offset a raw record was replayed from. */
    static final String HEADER = "newsflow.warc.record";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private SentWarcRecords() {
    }

    /** The header value for a record of {@code warcName} at {@code offset}. */
    static byte[] header(String warcName, long offset) {
        return (warcName + "#" + offset).getBytes(StandardCharsets.UTF_8);
    }

    /** The current end offset of each partition of {@code topic}. */
    static Map<Integer, Long> endOffsets(Map<String, Object> kafka, String topic) {
        try (var consumer = consumer(kafka)) {
            return consumer.endOffsets(partitions(consumer, topic), TIMEOUT).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue));
        }
    }

    /**
     * The offsets of {@code warcName}'s records found on {@code topic} from {@code from} (end
     * offsets by partition; a partition missing there is read from its start) to the current end.
     */
    static Set<Long> sentSince(Map<String, Object> kafka, String topic, Map<Integer, Long> from, String warcName) {
        String prefix = warcName + "#";
        Set<Long> offsets = new HashSet<>();
        try (var consumer = consumer(kafka)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            for (TopicPartition p : partitions) {
                consumer.seek(p, from.getOrDefault(p.partition(), 0L));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    Header h = r.headers().lastHeader(HEADER);
                    String value = h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
                    if (value != null && value.startsWith(prefix)) {
                        offsets.add(Long.parseLong(value.substring(prefix.length())));
                    }
                }
            }
        }
        return offsets;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>(kafka);
        // The config is the producer's: keep what a consumer understands (connection, security).
        config.keySet().retainAll(ConsumerConfig.configNames());
        // Assigned partitions and no group: nothing is committed, nothing is left behind.
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
