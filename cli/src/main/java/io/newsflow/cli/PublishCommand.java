package io.newsflow.cli;

import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.topics.TopicNames;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the publish service (JSON projection, routes, latest by id, trending) against a cluster. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Run the publish service: news.enriched.v1 -> JSON projection, routes, latest by id, trending"
                + " (+ news.dlq.v1).")
final class PublishCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config = connection.load(PublishService.DEFAULTS);
        TopicNames names = TopicNames.fromConfig(config.asMap());
        List<String> needed = new java.util.ArrayList<>(List.of(names.enriched(), names.enrichedJson(),
                names.deadLetters(), names.fetchStatus(), names.articlesLatest(), names.trending()));
        // Routes write to topics the routes file names; they must exist (topics create --routes).
        needed.addAll(PublishService.routes(config).topics());
        if (Preflight.failed("publish", config, needed, true)) {
            return 1;
        }
        try (ServiceMetrics metrics = ServiceMetrics.start(config, "publish");
             PublishService service = ServiceRunner.create("publish", () -> PublishService.create(config, metrics::scrape))) {
            if (service == null) {
                return 1;
            }
            metrics.watch(service.streams());
            service.url().ifPresent(url -> System.err.println("newsflow publish: API and live page at " + url));
            return ServiceRunner.run("publish", service.streams(), service::close);
        }
    }
}
