package io.newsflow.ingest.produce;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.serde.RegistryUnavailableException;
import io.newsflow.schemas.topics.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import io.newsflow.ingest.security.Excerpts;
import java.nio.ByteBuffer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes RawArticles to {@code news.raw.v1} and failures to {@code news.dlq.v1}, keyed by article
 * id, with an idempotent producer. A page is made to fit the producer's {@code max.request.size}
 * before it is sent (its body cut and flagged); a record the broker still refuses becomes a dead
 * letter (without the page bytes, which may be why it was refused), so no page disappears without
 * a trace.
 */
public final class RawArticleSink implements AutoCloseable {

    /** How long a page waits for an unreachable schema registry before its send fails. */
    static final java.time.Duration REGISTRY_WAIT = java.time.Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(RawArticleSink.class);

    /** Default {@code max.request.size} (16 MiB) when the configuration does not set one. */
    public static final int DEFAULT_MAX_REQUEST_SIZE = 16 * 1024 * 1024;
    /** Room kept for a page's other fields when deriving the body cap from {@code max.request.size}. */
    public static final int HEADROOM = 64 * 1024;
    /** Upper bound of Kafka's per-record and per-batch framing. */
    private static final int RECORD_OVERHEAD = 1024;
    /** Longest URL kept in a dead letter about a record that was too large. */
    private static final int MAX_URL_CHARS = 8 * 1024;

    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final int maxRequestSize;
    private final AtomicLong cutToFit = new AtomicLong();
    private final AtomicLong tooLarge = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** A sink producing with these Kafka client settings (bootstrap servers at least). */
    public RawArticleSink(Map<String, Object> kafkaConfig, Topics topics) {
        this(new KafkaProducer<>(withDefaults(kafkaConfig), new StringSerializer(), new ByteArraySerializer()), topics,
                maxRequestSize(withDefaults(kafkaConfig)));
    }

    /**
     * A sink over a caller-made producer (e.g. a {@code MockProducer} in tests) whose
     * {@code max.request.size} is {@code maxRequestSize}; closing the sink closes the producer.
     */
    public RawArticleSink(Producer<String, byte[]> producer, Topics topics, int maxRequestSize) {
        if (maxRequestSize <= HEADROOM) {
            throw new IllegalArgumentException("max.request.size " + maxRequestSize + " leaves no room for a page (needs over "
                    + HEADROOM + " bytes)");
        }
        this.producer = producer;
        this.topics = topics;
        this.maxRequestSize = maxRequestSize;
    }

    private static Map<String, Object> withDefaults(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE);
        return config;
    }

    private static int maxRequestSize(Map<String, Object> config) {
        return Integer.parseInt(String.valueOf(config.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).strip());
    }

    /** What became of a page handed to {@link #send}. */
    public enum Delivery {
        /** Handed to the producer as it was. */
        SENT,
        /** Its body was cut (and flagged truncated) so that the record fits {@code max.request.size}. */
        CUT_TO_FIT,
        /** Even without a body the record would not fit: a dead letter was sent instead. */
        TOO_LARGE
    }

    /**
     * Largest body that leaves {@link #HEADROOM} for the record's other fields (URL, headers,
     * feed hints, framing) under the producer's {@code max.request.size}: fetch caps use it, so a
     * page cut at the cap still fits.
     */
    public int maxBodyBytes() {
        return maxRequestSize - HEADROOM;
    }

    /**
     * Sends a page asynchronously. A record over the producer's {@code max.request.size} (which
     * the producer would refuse) is first made to fit by cutting its body; one that cannot fit
     * even so becomes a dead letter with that reason.
     */
    public Delivery send(RawArticle article) {
        return send(article, Map.of());
    }

    /**
     * As {@link #send(RawArticle)}, with extra record headers (e.g. where in a WARC the page came
     * from, so that a resumed replay can tell what reached the broker).
     */
    public Delivery send(RawArticle article, Map<String, byte[]> headers) {
        byte[] value = serialize(article);
        Delivery delivery = Delivery.SENT;
        if (!fits(article.getId(), value)) {
            value = cutToFit(article, value);
            if (value == null) {
                tooLarge.incrementAndGet();
                refuseTooLarge(article);
                return Delivery.TOO_LARGE;
            }
            cutToFit.incrementAndGet();
            delivery = Delivery.CUT_TO_FIT;
        }
        produce(article, value, headers);
        return delivery;
    }

    private void produce(RawArticle article, byte[] value, Map<String, byte[]> headers) {
        var record = new ProducerRecord<>(topics.raw().name(), article.getId(), value);
        headers.forEach((k, v) -> record.headers().add(k, v));
        producer.send(record, (meta, error) -> {
            if (error == null) {
                sent.incrementAndGet();
                return;
            }
            LOG.warn("broker refused page {} ({}): {}", article.getId(), Excerpts.of(article.getUrl()), error.toString());
            deadLetter(DeadLetters.of("ingest.produce", "raw topic refused the page: " + error.getMessage(),
                    error, DeadLetters.Origin.NONE, null, null, article.getId(), article.getUrl()));
        });
    }

    /** The value re-serialised with a body cut by what is too much, or null when no cut is enough. */
    private byte[] cutToFit(RawArticle article, byte[] value) {
        ByteBuffer body = article.getBody();
        int excess = value.length + article.getId().length() * 4 + RECORD_OVERHEAD - maxRequestSize;
        if (excess >= body.remaining()) {
            return null;
        }
        ByteBuffer cut = body.duplicate();
        cut.limit(cut.position() + body.remaining() - excess);
        article.setBody(cut.slice());
        article.setTruncated(true);
        byte[] smaller = serialize(article);
        LOG.warn("page {} ({}) cut by {} bytes to fit max.request.size {}", article.getId(),
                Excerpts.of(article.getUrl()), excess, maxRequestSize);
        return fits(article.getId(), smaller) ? smaller : null;
    }

    private void refuseTooLarge(RawArticle article) {
        String reason = "record over max.request.size " + maxRequestSize + " even without its body";
        LOG.warn("page {} ({}) not sent: {}", article.getId(), Excerpts.of(article.getUrl()), reason);
        deadLetter(DeadLetters.of("ingest.produce", reason, null, DeadLetters.Origin.NONE, null, null,
                article.getId(), Excerpts.of(article.getUrl(), MAX_URL_CHARS)));
    }

    /** Mirrors the producer's own check: key, value and record framing within max.request.size. */
    private boolean fits(String key, byte[] value) {
        return (long) value.length + key.length() * 4L + RECORD_OVERHEAD <= maxRequestSize;
    }

    /**
     * Serialises a page, waiting out a registry outage (retried with back-off for up to
     * {@link #REGISTRY_WAIT}) rather than dropping the page: the fetch already happened, and the
     * registry is only needed until the schema id is cached.
     */
    private byte[] serialize(RawArticle article) {
        long deadline = System.nanoTime() + REGISTRY_WAIT.toNanos();
        long backoff = 500;
        while (true) {
            try {
                return topics.raw().valueSerde().serializer().serialize(topics.raw().name(), article);
            } catch (RegistryUnavailableException e) {
                if (System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw e;
                }
                LOG.warn("{}; page {} waits {} ms", e.getMessage(), article.getId(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
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

    /** Pages whose body was cut so that their record fits {@code max.request.size}. */
    public long cutToFit() {
        return cutToFit.get();
    }

    /** Pages not sent because their record could not fit {@code max.request.size} even without a body. */
    public long tooLarge() {
        return tooLarge.get();
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
