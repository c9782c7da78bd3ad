package io.newsflow.ingest.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.politeness.FetchListener;
import io.newsflow.ingest.politeness.PoliteFetcher;
import io.newsflow.ingest.politeness.PolitenessOptions;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.url.UrlCanonicalizer;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.FeedHints;
import io.newsflow.schemas.avro.FetchOutcome;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.Topic;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real ingest path (polite fetcher, page ingest, sink) over a {@link MockProducer}, so tests
 * read exactly the records that would reach the raw, fetch-status and dead-letter topics.
 */
final class IngestHarness implements AutoCloseable {

    final Topics topics = Topics.create(TopicNames.DEFAULTS, new PlainAvroSerdeFactory());
    final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final RawArticleSink sink;
    final PoliteFetcher fetcher;
    final PageIngest ingest;

    /** A harness whose producer has this {@code max.request.size} and whose fetches use {@code options}. */
    IngestHarness(int maxRequestSize, FetchOptions options) {
        sink = new RawArticleSink(producer, topics, maxRequestSize);
        fetcher = PoliteFetcher.create(options, PolitenessOptions.defaults().withMinDelay(Duration.ZERO)
                .withConcurrency(4, 16), FetchListener.NONE, new SimpleMeterRegistry());
        ingest = new PageIngest(fetcher, sink, new UrlCanonicalizer(), SeenSet.empty());
    }

    /** Ingests {@code url} as if a URL list named it, and waits (generously) until it was handled. */
    void ingest(String url) {
        ingest(url, null);
    }

    /** Like {@link #ingest(String)}, with feed hints. */
    void ingest(String url, FeedHints hints) {
        CompletableFuture<Void> done = ingest.submit(new Discovered(url, hints, SourceKind.URL, "test list"));
        try {
            done.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new AssertionError("ingest of " + url + " did not finish", e);
        }
    }

    List<FetchOutcome> statuses() {
        return read(topics.fetchStatus());
    }

    List<DeadLetter> deadLetters() {
        return read(topics.deadLetters());
    }

    List<RawArticle> raws() {
        return read(topics.raw());
    }

    /** The raw records as sent, for size checks. */
    List<ProducerRecord<String, byte[]>> rawRecords() {
        return producer.history().stream().filter(r -> r.topic().equals(topics.raw().name())).toList();
    }

    private <T> List<T> read(Topic<String, T> topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic.name()))
                .map(r -> topic.valueSerde().deserializer().deserialize(r.topic(), r.value())).toList();
    }

    @Override
    public void close() {
        fetcher.close();
        sink.close();
    }
}
