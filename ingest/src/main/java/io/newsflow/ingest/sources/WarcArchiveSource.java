package io.newsflow.ingest.sources;

import io.newsflow.ingest.pipeline.WarcIngest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A WARC or WARC.gz archive replayed once, resuming from its checkpoint (see {@link WarcIngest}), so
 * a stopped replay continues where it was.
 */
public final class WarcArchiveSource implements Source {

    private final Path warc;
    private final WarcIngest replay;

    /** A source replaying {@code warc} through {@code replay}. */
    public WarcArchiveSource(Path warc, WarcIngest replay) {
        this.warc = warc;
        this.replay = replay;
    }

    @Override
    public String name() {
        return "WARC " + warc;
    }

    @Override
    public boolean web() {
        return false;
    }

    @Override
    public Optional<Instant> read(SourceContext context) {
        String what = "warc " + warc.getFileName();
        try {
            long sent = replay.replay(warc, (share, n) -> context.replayProgress(what, n, share));
            context.delivered(sent);
        } catch (IOException e) {
            context.failed(this, "cannot replay " + warc + ": " + e.getMessage());
        }
        return Optional.empty();
    }
}
