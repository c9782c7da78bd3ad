package io.newsflow.ingest.files;

import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.ids.ArticleIds;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces a RawArticle per local page file. The page bytes go out untouched; the file's
 * modification time stands for the fetch time; the id comes from the file's URI.
 */
public final class FileIngest {

    private static final Logger LOG = LoggerFactory.getLogger(FileIngest.class);

    private final RawArticleSink sink;
    private final long maxBytes;

    /** Ingest into this sink, refusing files over {@code maxBytes} (as dead letters). */
    public FileIngest(RawArticleSink sink, long maxBytes) {
        this.sink = sink;
        this.maxBytes = maxBytes;
    }

    /** Reads every page under the roots and sends it; returns how many files were found. */
    public int ingest(List<Path> roots) {
        List<Path> files = PageFiles.find(roots);
        files.forEach(this::ingestFile);
        return files.size();
    }

    /**
     * Reads one page file and sends it; a file that cannot be read (or is over the limit) becomes a
     * dead letter. Returns true if the page was sent.
     */
    public boolean ingestFile(Path file) {
        PageFile page = PageFiles.read(file, maxBytes);
        String url = file.toAbsolutePath().normalize().toUri().toString();
        String id = ArticleIds.fromCanonicalUrl(url);
        if (!page.ok()) {
            LOG.warn("cannot read {}: {}", file, page.error());
            sink.deadLetter(DeadLetters.of("ingest.read", "cannot read " + file + ": " + page.error(), null,
                    DeadLetters.Origin.NONE, null, null, id, url));
            return false;
        }
        sink.send(toRaw(page, id, url));
        return true;
    }

    static RawArticle toRaw(PageFile page, String id, String url) {
        return RawArticle.newBuilder()
                .setId(id)
                .setUrl(url)
                .setFetchedAt(modified(page.path()))
                .setHttpStatus(0)
                .setHeaders(Map.of())
                .setBody(ByteBuffer.wrap(page.body()))
                .setSource(new Source(SourceKind.FILE, page.path().toString()))
                .build();
    }

    private static Instant modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant();
        } catch (java.io.IOException e) {
            return Instant.now();
        }
    }
}
