package io.newsflow.ingest.pipeline;

import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.url.UrlCanonicalizer;
import io.newsflow.ingest.warc.WarcCheckpoint;
import io.newsflow.ingest.warc.WarcPage;
import io.newsflow.ingest.warc.WarcSource;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.ids.ArticleIds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a WARC file (e.g. a CC-NEWS archive) as RawArticles with their original capture times:
 * the same records a live fetch produces. Resumable: the offset of the last record the broker
 * acknowledged is saved beside the file, so a stopped run continues without re-emitting.
 *
 * <p>A run killed between two checkpoints has sent pages the checkpoint does not cover. Given the
 * Kafka settings, a replay therefore tags each page with its WARC record
 * ({@code newsflow.warc.record}), saves the raw topic's end offsets with each checkpoint (and one
 * before its first page), and a resumed replay reads the topic from there and skips the pages it
 * finds: none is lost, none is produced twice.
 */
public final class WarcIngest {

    private static final Logger LOG = LoggerFactory.getLogger(WarcIngest.class);
    private static final int CHECKPOINT_EVERY = 1_000;

    private final RawArticleSink sink;
    private final UrlCanonicalizer canonicalizer;
    private final Map<String, Object> kafka;

    /**
     * Replays into this sink, resuming from the checkpoint alone: a run killed between two
     * checkpoints sends the pages after the last one again.
     */
    public WarcIngest(RawArticleSink sink, UrlCanonicalizer canonicalizer) {
        this(sink, canonicalizer, null);
    }

    /**
     * Replays into this sink; {@code kafka} (the sink's client settings) lets a resumed run find
     * on the raw topic the pages a killed run sent after its last checkpoint, and skip them.
     */
    public WarcIngest(RawArticleSink sink, UrlCanonicalizer canonicalizer, Map<String, Object> kafka) {
        this.sink = sink;
        this.canonicalizer = canonicalizer;
        this.kafka = kafka == null ? null : Map.copyOf(kafka);
    }

    /**
     * Replays {@code warc} from its checkpoint (if any) to the end; {@code progress} receives the
     * running count of pages sent and the share of the file read so far (for an ETA). Returns the
     * number of pages sent by this run.
     */
    public long replay(Path warc, java.util.function.ObjLongConsumer<Double> progress) throws IOException {
        double size = Math.max(1, java.nio.file.Files.size(warc));
        WarcCheckpoint checkpoint = WarcCheckpoint.beside(warc);
        var resumeAt = checkpoint.position();
        String name = warc.getFileName().toString();
        Set<Long> alreadySent = Set.of();
        if (kafka != null) {
            if (resumeAt.isPresent() && !resumeAt.get().topicEnds().isEmpty()) {
                alreadySent = SentWarcRecords.sentSince(kafka, sink.rawTopic(), resumeAt.get().topicEnds(), name);
                LOG.info("{}: {} pages past the checkpoint are already on {}; they are skipped", warc,
                        alreadySent.size(), sink.rawTopic());
            } else if (resumeAt.isEmpty()) {
                // Nothing sent yet: remember where the topic ends, so that even a run killed
                // before its first checkpoint is resumed without repeating a page.
                checkpoint.save(-1, SentWarcRecords.endOffsets(kafka, sink.rawTopic()));
            }
        }
        long sent = 0;
        long skipped = 0;
        long lastOffset = -1;
        long resumeAfter = resumeAt.map(WarcCheckpoint.Position::offset).orElse(-1L);
        try (WarcSource source = WarcSource.resumeAfter(warc, resumeAfter)) {
            if (resumeAfter >= 0) {
                LOG.info("resuming {} after offset {}", warc, resumeAfter);
            }
            for (var page = source.next(); page.isPresent(); page = source.next()) {
                long offset = page.get().offset();
                if (alreadySent.contains(offset)) {
                    skipped++;
                    lastOffset = offset;
                    continue;
                }
                RawArticle raw = toRaw(page.get(), warc);
                if (raw == null) {
                    continue;
                }
                sink.send(raw, kafka == null ? Map.of()
                        : Map.of(SentWarcRecords.HEADER, SentWarcRecords.header(name, offset)));
                lastOffset = offset;
                if (++sent % CHECKPOINT_EVERY == 0) {
                    save(checkpoint, lastOffset);
                    progress.accept(lastOffset / size, sent);
                }
            }
        }
        sink.flush();
        if (lastOffset >= 0) {
            // The whole file is on the broker: a later run has nothing to look for on the topic.
            checkpoint.save(lastOffset);
        }
        if (skipped > 0) {
            LOG.info("{}: {} pages skipped, sent by an earlier run that stopped", warc, skipped);
        }
        progress.accept(1.0, sent);
        return sent;
    }

    /**
     * Only what the broker acknowledged may be skipped by a later run: flush first. The topic's
     * ends are read after the flush, so every page sent later lies beyond them.
     */
    private void save(WarcCheckpoint checkpoint, long lastOffset) throws IOException {
        sink.flush();
        checkpoint.save(lastOffset, kafka == null ? Map.of() : SentWarcRecords.endOffsets(kafka, sink.rawTopic()));
    }

    private RawArticle toRaw(WarcPage page, Path warc) {
        String canonical;
        try {
            canonical = canonicalizer.canonicalize(page.targetUri().toString());
        } catch (IllegalArgumentException e) {
            LOG.debug("skipping WARC record with unusable URL {}", page.targetUri());
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        page.headers().forEach((k, v) -> {
            if (!v.isEmpty()) {
                headers.put(k, String.join(", ", v));
            }
        });
        return RawArticle.newBuilder()
                .setId(ArticleIds.fromCanonicalUrl(canonical))
                .setUrl(canonical)
                .setFetchedAt(page.date())
                .setHttpStatus(page.httpStatus())
                .setContentType(page.contentType())
                .setHeaders(headers)
                .setBody(ByteBuffer.wrap(page.body()))
                .setTruncated(page.truncated())
                .setSource(new Source(SourceKind.WARC, warc.getFileName().toString()))
                .build();
    }

}
