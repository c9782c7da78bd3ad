package io.newsflow.enrich.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Where a band bucket lives: the partition of {@code dedupe-bands} that owns it. {@link DedupeScatter}
 * groups an article's buckets with {@link #partition} and keys each group's probe by one of its buckets,
 * and the topic is written through this partitioner, so both agree by calling the same function; the
 * topic's partition count is fixed ({@code dedupe.partitions}) so that the scatter knows it. The hash is
 * the one Kafka's default partitioner applies to a key's bytes, so a probe of one bucket keyed by it (as
 * written before probes were grouped) lands where it always did.
 */
final class BandPartitioner implements StreamPartitioner<String, DedupeMessage> {

    /** The partition of {@code bucket} among {@code partitions}. */
    static int partition(String bucket, int partitions) {
        return Utils.toPositive(Utils.murmur2(bucket.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, DedupeMessage value, int numPartitions) {
        return Optional.of(Set.of(partition(key, numPartitions)));
    }
}
