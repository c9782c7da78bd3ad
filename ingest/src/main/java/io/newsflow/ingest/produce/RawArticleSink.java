package io.newsflow.ingest.produce;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes RawArticles to {@code news.raw.v1} and failures to {@code news.dlq.v1}, keyed by article
 * id, with an idempotent producer. A record the broker refuses becomes a dead letter (without the
 * page bytes, which may be why it was refused), so no page disappears without a trace.
 */
public final class RawArticleSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RawArticleSink.class);

    private final KafkaProducer<String, byte[]> producer;
    private final Topics topics;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** A sink producing with these Kafka client settings (bootstrap servers at least). */
    public RawArticleSink(Map<String, Object> kafkaConfig, Topics topics) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topics = topics;
    }

    /** Sends a page asynchronously. */
    public void send(RawArticle article) {
        send(article, Map.of());
    }

    /** Sends a page asynchronously with extra record headers (e.g. where in a WARC it came from). */
    public void send(RawArticle article, Map<String, byte[]> headers) {
        byte[] value = topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article);
        var record = new ProducerRecord<>(topics.raw().name(), article.getId(), value);
        headers.forEach((k, v) -> record.headers().add(k, v));
        producer.send(record, (meta, error) -> {
            if (error == null) {
                sent.incrementAndGet();
                return;
            }
            LOG.warn("broker refused page {} ({}): {}", article.getId(), article.getUrl(), error.toString());
            article.setBody(java.nio.ByteBuffer.allocate(0));
            deadLetter(DeadLetters.of("ingest.produce", "raw topic refused the page: " + error.getMessage(),
                    error, DeadLetters.Origin.NONE, null, null, article.getId(), article.getUrl()));
        });
    }

    /** Sends a dead letter (logged by the caller) asynchronously. */
    public void deadLetter(DeadLetter letter) {
        byte[] value = topics.deadLetters().valueSerde().serializer().serialize(topics.deadLetters().name(), letter);
        var record = new ProducerRecord<>(topics.deadLetters().name(), letter.getArticleId(), value);
        DeadLetters.addHeaders(record.headers(), letter);
        producer.send(record, (meta, error) -> {
            if (error == null) {
                deadLetters.incrementAndGet();
            } else {
                failed.incrementAndGet();
                LOG.error("could not write dead letter for {} ({}): {}", letter.getUrl(), letter.getReason(),
                        error.toString());
            }
        });
    }

    /** Records a fetch outcome on the (compacted) fetch-status topic, keyed by article id. */
    public void outcome(io.newsflow.schemas.avro.FetchOutcome outcome) {
        byte[] value = topics.fetchStatus().valueSerde().serializer().serialize(topics.fetchStatus().name(), outcome);
        producer.send(new ProducerRecord<>(topics.fetchStatus().name(), outcome.getArticleId(), value), (meta, error) -> {
            if (error != null) {
                failed.incrementAndGet();
                LOG.error("could not record fetch outcome of {}: {}", outcome.getUrl(), error.toString());
            }
        });
    }

    /** The topic pages go to. */
    public String rawTopic() {
        return topics.raw().name();
    }

    /** Pages acknowledged by the broker so far. */
    public long sent() {
        return sent.get();
    }

    /** Dead letters acknowledged so far. */
    public long deadLetters() {
        return deadLetters.get();
    }

    /** Records that could not be written at all (not even as dead letters). */
    public long failed() {
        return failed.get();
    }

    /** Waits until everything sent so far is acknowledged. */
    public void flush() {
        producer.flush();
    }

    /** Flushes and closes the producer. */
    @Override
    public void close() {
        producer.flush();
        producer.close(Duration.ofSeconds(30));
    }
}
