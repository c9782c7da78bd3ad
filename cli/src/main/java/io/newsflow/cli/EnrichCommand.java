package io.newsflow.cli;

import io.newsflow.enrich.service.EnrichService;
import java.util.concurrent.Callable;
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
        return ServiceRunner.run("enrich", EnrichService.create(connection.load(EnrichService.DEFAULTS)));
    }
}
