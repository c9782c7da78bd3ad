package io.newsflow.cli;

import io.newsflow.ingest.files.FileIngest;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Ingests pages into news.raw.v1. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Produce RawArticles to news.raw.v1 from local pages (.html, .html.gz) and folders.")
final class IngestCommand implements Callable<Integer> {

    /** Ingest defaults resource. */
    static final String DEFAULTS = "ingest-defaults.properties";

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--dir", description = "A page file or a folder of pages (repeatable).")
    List<Path> dirs = new ArrayList<>();

    @Override
    public Integer call() {
        ServiceConfig config = connection.load(DEFAULTS);
        Topics topics = Topics.create(TopicNames.fromConfig(config.asMap()),
                RegistrySerdeFactory.create(config.get("registry.url"), config.asMap()));
        long started = System.nanoTime();
        try (RawArticleSink sink = new RawArticleSink(config.kafka(), topics)) {
            int files = new FileIngest(sink, config.getLong("ingest.max-bytes", 16L << 20)).ingest(dirs);
            sink.flush();
            System.err.printf("newsflow ingest: %d files, %d pages sent, %d dead letters, %d failed in %.1f s%n",
                    files, sink.sent(), sink.deadLetters(), sink.failed(), (System.nanoTime() - started) / 1e9);
            return sink.failed() == 0 ? 0 : 1;
        }
    }
}
