package io.newsflow.cli;

import io.newsflow.enrich.service.EnrichService;
import io.newsflow.schemas.config.ServiceConfig;
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
        try (ServiceMetrics metrics = ServiceMetrics.start(config, "enrich")) {
            KafkaStreams app = EnrichService.create(config);
            metrics.watch(app);
            return ServiceRunner.run("enrich", app);
        }
    }
}
