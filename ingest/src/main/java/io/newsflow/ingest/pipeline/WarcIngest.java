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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a WARC file (e.g. a CC-NEWS archive) as RawArticles with their original capture times:
 * the same records a live fetch produces. Resumable: the offset of the last record the broker
 * acknowledged is saved beside the file, so a stopped run continues without re-emitting.
 */
public final class WarcIngest {

    private static final Logger LOG = LoggerFactory.getLogger(WarcIngest.class);
    private static final int CHECKPOINT_EVERY = 1_000;

    private final RawArticleSink sink;
    private final UrlCanonicalizer canonicalizer;

    /** Replays into this sink. */
    public WarcIngest(RawArticleSink sink, UrlCanonicalizer canonicalizer) {
        this.sink = sink;
        this.canonicalizer = canonicalizer;
    }

    /**
     * Replays {@code warc} from its checkpoint (if any) to the end; {@code progress} receives the
     * running count of pages sent and the share of the file read so far (for an ETA). Returns the
     * number of pages sent by this run.
     */
    public long replay(Path warc, java.util.function.ObjLongConsumer<Double> progress) throws IOException {
        double size = Math.max(1, java.nio.file.Files.size(warc));
        WarcCheckpoint checkpoint = WarcCheckpoint.beside(warc);
        var resumeAt = checkpoint.load();
        long sent = 0;
        long lastOffset = -1;
        try (WarcSource source = resumeAt.isPresent() ? WarcSource.resumeAfter(warc, resumeAt.getAsLong())
                : WarcSource.open(warc)) {
            if (resumeAt.isPresent()) {
                LOG.info("resuming {} after offset {}", warc, resumeAt.getAsLong());
            }
            for (var page = source.next(); page.isPresent(); page = source.next()) {
                RawArticle raw = toRaw(page.get(), warc);
                if (raw == null) {
                    continue;
                }
                sink.send(raw);
                lastOffset = page.get().offset();
                if (++sent % CHECKPOINT_EVERY == 0) {
                    // Only what the broker acknowledged may be skipped by a later run.
                    sink.flush();
                    checkpoint.save(lastOffset);
                    progress.accept(lastOffset / size, sent);
                }
            }
        }
        sink.flush();
        if (lastOffset >= 0) {
            checkpoint.save(lastOffset);
        }
        progress.accept(1.0, sent);
        return sent;
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
