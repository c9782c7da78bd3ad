package io.newsflow.cli;

import io.newsflow.enrich.service.EnrichService;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.topics.TopicNames;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the enrich service (news.raw.v1 → news.enriched.v1) against a cluster. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Run the enrich service: news.raw.v1 -> news.enriched.v1 (+ news.dlq.v1).")
final class EnrichCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config = connection.load(EnrichService.DEFAULTS);
        TopicNames names = TopicNames.fromConfig(config.asMap());
        if (Preflight.failed("enrich", config, List.of(names.raw(), names.enriched(), names.deadLetters()), true)) {
            return 1;
        }
        try (ServiceMetrics metrics = ServiceMetrics.start(config, "enrich")) {
            KafkaStreams app = EnrichService.create(config);
            metrics.watch(app);
            return ServiceRunner.run("enrich", app);
        }
    }
}
