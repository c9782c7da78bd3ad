package io.newsflow.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs broker, registry, enrich and publish locally until Ctrl-C, for your own clients. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Run an embedded Kafka + registry with the enrich and publish services until Ctrl-C.")
final class LocalCommand implements Callable<Integer> {

    @Option(names = "--partitions", description = "Partitions per topic (default ${DEFAULT-VALUE}).")
    int partitions = 2;

    @Option(names = "--routes", paramLabel = "RULES.yaml",
            description = "Publish routes file: its topics are created and publish routes articles to them.")
    java.nio.file.Path routes;

    @Option(names = "--http-port", description = "Port of publish's API and live page (default: any free port).")
    int httpPort = 0;

    @Override
    public Integer call() throws InterruptedException {
        System.err.println("newsflow local: starting Kafka (KRaft), Apicurio Registry, enrich and publish ...");
        Map<String, String> overrides = new java.util.HashMap<>();
        overrides.put("publish.http.port", Integer.toString(httpPort));
        if (routes != null) {
            overrides.put("publish.routes", routes.toAbsolutePath().toString());
        }
        EmbeddedPipeline pipeline = EmbeddedPipeline.start(partitions, overrides);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("newsflow local: stopping ...");
            pipeline.close();
            stopped.countDown();
        }, "newsflow-shutdown"));
        System.out.println("bootstrap.servers=" + pipeline.bootstrapServers());
        System.out.println("registry.url=" + pipeline.registryUrl());
        System.out.println("registry.confluent.url=" + pipeline.confluentRegistryUrl());
        System.out.println("publish.url=" + pipeline.publishUrl());
        System.out.flush();
        System.err.printf("""
                newsflow local: running. Produce RawArticles to news.raw.v1, read news.enriched.v1 (Avro) or
                news.enriched.json.v1 (JSON); watch them live at %s. For example, in another terminal:
                  bin/newsflow ingest -b %s -r %s --dir samples
                  bin/newsflow tail -b %s -r %s --format human
                Ctrl-C stops everything.
                """, pipeline.publishUrl(), pipeline.bootstrapServers(), pipeline.registryUrl(),
                pipeline.bootstrapServers(), pipeline.registryUrl());
        stopped.await();
        return 0;
    }
}
