package io.newsflow.cli;

import io.newsflow.enrich.service.EnrichService;
import io.newsflow.enrich.topology.EnrichTopology;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.streams.GroupExit;
import io.newsflow.schemas.topics.TopicNames;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the enrich service (news.raw.v1 → news.enriched.v1) against a cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich service: news.raw.v1 -> news.enriched.v1 (+ news.dlq.v1).")
final class EnrichCommand implements Callable<Integer> {

    static final String DEDUPE_PARTITIONS = "enrich.dedupe.partitions";

    @Mixin
    ConnectionOptions connection;

    /**
     * A warning when the near-duplicate search has another partition count than the raw topic: the
     * search stays correct, but spreads over that many tasks instead of as many as the steps, and an
     * existing {@code dedupe-bands} topic made with another count is refused by Kafka Streams at start.
     */
    static Optional<String> dedupePartitionsAdvice(String rawTopic, int rawPartitions, int dedupePartitions) {
        if (rawPartitions == dedupePartitions) {
            return Optional.empty();
        }
        return Optional.of("warning: " + rawTopic + " has " + rawPartitions + " partitions but " + DEDUPE_PARTITIONS
                + " is " + dedupePartitions + ", so the near-duplicate search runs on " + dedupePartitions
                + " partitions, not on as many as the steps; set " + DEDUPE_PARTITIONS + "=" + rawPartitions
                + " (changing it on a running deployment moves its buckets: see the README)");
    }

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config = connection.load(EnrichService.DEFAULTS);
        TopicNames names = TopicNames.fromConfig(config.asMap());
        if (Preflight.failed("enrich", config, List.of(names.raw(), names.enriched(), names.deadLetters()), true)) {
            return 1;
        }
        Preflight.partitions(config, names.raw()).ifPresent(raw -> dedupePartitionsAdvice(names.raw(), raw,
                (int) config.getLong(DEDUPE_PARTITIONS, EnrichTopology.DEFAULT_DEDUPE_PARTITIONS)).ifPresent(line -> System.err.println("newsflow enrich: " + line)));
        try (ServiceMetrics metrics = ServiceMetrics.start(config, "enrich")) {
            KafkaStreams app = ServiceRunner.create("enrich", () -> EnrichService.create(config));
            if (app == null) {
                return 1;
            }
            metrics.watch(app);
            return ServiceRunner.run("enrich", app, () -> GroupExit.close(app, config.kafka()));
        }
    }
}
