package io.newsflow.ingest.sources;

import io.newsflow.ingest.pipeline.Discovered;
import io.newsflow.ingest.produce.RawArticleSink;

/** What a {@link Source} reads into: the fetch queue, the sink, and the operator's console. */
public interface SourceContext {

    /** Queues a page URL for fetching (once per run); ignored while the service is stopping. */
    void discovered(Discovered page);

    /** Where local sources send the pages they read. */
    RawArticleSink sink();

    /** Counts pages a local source sent to the sink itself (a web source's pages are counted as fetched). */
    void delivered(long pages);

    /** Reports that {@code source} (or a part of it) could not be read, and why: one line on the console. */
    void failed(Source source, String reason);

    /** A line for the operator (a warning or a note), prefixed like every ingest line. */
    void say(String line);

    /** Progress of a long replay: records sent and the share of the input read (0..1), for an ETA. */
    void replayProgress(String what, long records, double share);

    /** True once a stop was asked for: a source stops early and leaves the rest to the next run. */
    boolean stopping();
}
