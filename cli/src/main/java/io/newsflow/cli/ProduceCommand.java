package io.newsflow.cli;

import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.ids.ArticleIds;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Produces one page you already have (a saved file or stdin) as if it had been fetched from its
 * real URL: what your own producer does, from the shell.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Produce one page (file or '-' for stdin) to news.raw.v1 under its real URL.")
final class ProduceCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--url", required = true, description = "The page's URL (its id derives from it).")
    String url;

    @Option(names = "--content-type", description = "Content-Type as the server sent it, e.g. 'text/html; charset=utf-8'.")
    String contentType;

    @Parameters(index = "0", description = "The page file, or - for stdin.")
    String file;

    @Override
    public Integer call() throws IOException {
        ServiceConfig config = connection.load(IngestCommand.DEFAULTS);
        Topics topics = Topics.create(TopicNames.fromConfig(config.asMap()),
                RegistrySerdeFactory.create(config.get("registry.url"), config.asMap()));
        if (Preflight.failed("produce", config, java.util.List.of(topics.raw().name()), true)) {
            return 1;
        }
        byte[] body = "-".equals(file) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        RawArticle raw = RawArticle.newBuilder()
                .setId(ArticleIds.fromCanonicalUrl(url)).setUrl(url).setFetchedAt(Instant.now())
                .setHttpStatus(200).setContentType(contentType).setHeaders(Map.of())
                .setBody(ByteBuffer.wrap(body)).setSource(new Source(SourceKind.PRODUCER, "newsflow produce"))
                .build();
        try (RawArticleSink sink = new RawArticleSink(config.kafka(), topics)) {
            sink.send(raw);
            sink.flush();
            System.err.printf("newsflow produce: %s -> %s (id %s)%n", url, topics.raw().name(), raw.getId());
            return sink.sent() == 1 ? 0 : 1;
        }
    }
}
