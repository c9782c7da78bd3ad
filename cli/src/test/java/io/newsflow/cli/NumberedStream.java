package io.newsflow.cli;

import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.ids.ArticleIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A numbered stream of raw articles built from the real sample pages, each under its own URL and
 * so its own article id. Values are serialised up front, so the stream can be sent while the
 * registry is away, and sent with an idempotent producer whose retries outlast a broker restart:
 * every record is written exactly once, and the test knows exactly which ids went in.
 */
final class NumberedStream {

    private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** {@code count} articles for the lane, cycling through the sample pages. */
    NumberedStream(FaultLane lane, int count) {
        this(lane, count, null);
    }

    /** Like {@link #NumberedStream(FaultLane, int)}, all on one partition when it is not null. */
    NumberedStream(FaultLane lane, int count, Integer partition) {
        List<byte[]> pages = samplePages();
        var serializer = lane.topics().raw().valueSerde().serializer();
        for (int n = 0; n < count; n++) {
            String url = "https://faults.example/" + lane.name() + "/story/" + n;
            RawArticle raw = RawArticle.newBuilder().setId(ArticleIds.fromCanonicalUrl(url)).setUrl(url)
                    .setFetchedAt(Instant.now()).setHttpStatus(200).setContentType("text/html")
                    .setBody(ByteBuffer.wrap(pages.get(n % pages.size())))
                    .setSource(new Source(SourceKind.PRODUCER, "FaultIT")).build();
            records.add(new ProducerRecord<>(lane.names().raw(), partition, raw.getId(),
                    serializer.serialize(lane.names().raw(), raw)));
            ids.add(raw.getId());
        }
    }

    /** Inserts a record (a poison) at {@code index}; its key counts as an input id. */
    void insert(int index, ProducerRecord<String, byte[]> record) {
        records.add(index, record);
        ids.add(record.key());
    }

    /** The ids of all articles of the stream. */
    Set<String> ids() {
        return ids;
    }

    int size() {
        return records.size();
    }

    /** Records acknowledged by the broker so far. */
    long acked() {
        return acked.get();
    }

    /**
     * Sends records {@code from} (inclusive) to {@code to} (exclusive) and waits until each is
     * acknowledged, pausing {@code gap} between records so the stream spans the fault.
     */
    void send(Map<String, Object> kafka, int from, int to, Duration gap) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024);
        // Outlast a broker restart or a slow start instead of failing the record.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = from; i < to; i++) {
                producer.send(records.get(i), (meta, error) -> (error == null ? acked : failed).incrementAndGet());
                if (!gap.isZero()) {
                    Waits.sleep(gap);
                }
            }
            producer.flush();
        }
        if (failed.get() > 0) {
            throw new AssertionError(failed.get() + " input records were not acknowledged: the input is unknown");
        }
    }

    /** Sends in a background thread; join the returned thread before counting. */
    Thread sendInBackground(Map<String, Object> kafka, int from, int to, Duration gap) {
        return Thread.ofPlatform().name("numbered-stream").start(() -> send(kafka, from, to, gap));
    }

    /** The sample pages of the repository (samples/), the gzipped one unpacked. */
    static List<byte[]> samplePages() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("samples/ not found above " + Path.of("").toAbsolutePath());
        }
        List<byte[]> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("samples"))) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".html")) {
                    pages.add(Files.readAllBytes(f));
                } else if (name.endsWith(".html.gz")) {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                        pages.add(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }
}
