package io.newsflow.cli.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;

/**
 * What the Streams applications wrote besides their output: the bytes on the broker of each
 * changelog and repartition topic, per article. Every byte there is written, replicated and, for
 * changelogs, read back on restore, so it is the cost of keeping state.
 */
public final class StateBytes {

    private StateBytes() {
    }

    /** Prints one line per internal topic of the given application ids and the changelog total. */
    public static void report(String bootstrap, List<String> applicationIds, int articles, PrintStream out) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
            Map<String, Long> sizes = new TreeMap<>();
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values()
                    .forEach(dir -> dir.replicaInfos().forEach((tp, info) -> {
                        String topic = tp.topic();
                        if (applicationIds.stream().anyMatch(topic::startsWith)
                                && (topic.endsWith("-changelog") || topic.endsWith("-repartition"))) {
                            sizes.merge(topic, info.size(), Long::sum);
                            ends.put(tp, OffsetSpec.latest());
                        }
                    })));
            // End offsets count the records written, plus one commit marker per partition and transaction:
            // how many records a stage sends per article, which costs apart from their bytes.
            Map<String, Long> offsets = new TreeMap<>();
            admin.listOffsets(ends).all().get().forEach((tp, info) -> offsets.merge(tp.topic(), info.offset(), Long::sum));
            long changelog = 0;
            for (var e : sizes.entrySet()) {
                out.printf(Locale.ROOT, "bench: %-80s %8.0f bytes/article %6.1f offsets/article%n", e.getKey(),
                        e.getValue() / (double) articles, offsets.getOrDefault(e.getKey(), 0L) / (double) articles);
                if (e.getKey().endsWith("-changelog")) {
                    changelog += e.getValue();
                }
            }
            out.printf(Locale.ROOT, "bench: changelog bytes per article (all stores): %.0f%n", changelog / (double) articles);
        } catch (ExecutionException e) {
            out.println("bench: changelog sizes unavailable: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
