package io.newsflow.ingest.service;

import io.newsflow.ingest.produce.RawArticleSink;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress lines on the console. For web sources a timer reports every interval while there is
 * work (done, rate, queued, dead letters), also while discovery is blocked on a full queue; a WARC
 * replay reports its own share read and ETA at the same pace.
 */
final class Progress implements AutoCloseable {

    private final IngestService.Console console;
    private final WebFetch fetch;
    private final RawArticleSink sink;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer;
    private long lastDone = -1;
    private long lastQueued = -1;
    private long lastTick = System.nanoTime();
    private long lastReplayLine;

    Progress(IngestService.Console console, WebFetch fetch, RawArticleSink sink, Duration interval) {
        this.console = console;
        this.fetch = fetch;
        this.sink = sink;
        this.intervalNanos = interval.toNanos();
        if (fetch == null) {
            timer = null;
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ingest-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::web, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
    }

    /** One web progress line, unless nothing moved and nothing waits since the last one (an idle follow). */
    private synchronized void web() {
        IngestSummary.Web w = fetch.counts(0);
        long done = w.fetched() + w.skipped() + w.invalid() + w.unfinished();
        long queued = fetch.queued();
        long now = System.nanoTime();
        if (done == lastDone && queued == 0 && lastQueued == 0) {
            lastTick = now;
            return;
        }
        double rate = lastDone < 0 ? done / seconds(now - started) : (done - lastDone) / seconds(now - lastTick);
        console.say(String.format(Locale.ROOT, "web: %d done (%d sent, %d no page as expected, %d failed, %d skipped "
                        + "as fetched before), %.1f URLs/s, %d queued, %d dead letters", done, w.pagesSent(),
                w.expected(), w.failed() + w.invalid(), w.skipped(), rate, queued, sink.deadLetters()));
        lastDone = done;
        lastQueued = queued;
        lastTick = now;
    }

    /** A replay's progress with an ETA from the share of the input read; at most one line per interval. */
    synchronized void replay(String what, long records, double share) {
        long now = System.nanoTime();
        if (now - lastReplayLine < intervalNanos && share < 1.0) {
            return;
        }
        lastReplayLine = now;
        double elapsed = seconds(now - started);
        double remaining = share <= 0 ? Double.NaN : elapsed * (1 - share) / share;
        console.say(String.format(Locale.ROOT, "%s: %d records, %.0f%%, %.0f records/s, %d dead letters, ETA %.0f s",
                what, records, share * 100, records / Math.max(0.001, elapsed), sink.deadLetters(), remaining));
    }

    private static double seconds(long nanos) {
        return Math.max(0.001, nanos / 1e9);
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
