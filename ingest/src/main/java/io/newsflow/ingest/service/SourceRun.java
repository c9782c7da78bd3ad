package io.newsflow.ingest.service;

import io.newsflow.ingest.pipeline.Discovered;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.ingest.sources.Source;
import io.newsflow.ingest.sources.SourceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The context sources read into, one source at a time, keeping per source what it gave, so the
 * end of a run can tell which sources failed: one that could not be read and gave nothing, or
 * whose every page URL failed.
 */
final class SourceRun implements SourceContext {

    private static final Logger LOG = LoggerFactory.getLogger(SourceRun.class);

    private final WebFetch fetch;
    private final RawArticleSink sink;
    private final IngestService.Console console;
    private final Progress progress;
    private final BooleanSupplier stopping;
    private final Map<Source, Tally> tallies = new IdentityHashMap<>();
    private Tally current;
    private Source reading;

    SourceRun(WebFetch fetch, RawArticleSink sink, IngestService.Console console, Progress progress,
              BooleanSupplier stopping) {
        this.fetch = fetch;
        this.sink = sink;
        this.console = console;
        this.progress = progress;
        this.stopping = stopping;
    }

    /** Reads one source; an unexpected error in it is reported as its failure, so one source cannot stop the rest. */
    Optional<Instant> read(Source source) {
        reading = source;
        current = tallies.computeIfAbsent(source, s -> new Tally());
        try {
            return source.read(this);
        } catch (RuntimeException e) {
            LOG.warn("{} failed", source.name(), e);
            failed(source, source.name() + " failed: " + e);
            return Optional.empty();
        } finally {
            reading = null;
        }
    }

    /** Between two rounds: drops finished pages, rethrowing what their handling threw. */
    void tidy() {
        if (fetch != null) {
            fetch.dropFinished();
        }
    }

    @Override
    public void discovered(Discovered page) {
        if (stopping.getAsBoolean() || fetch == null) {
            return;
        }
        if (fetch.submit(page)) {
            current.discovered++;
            current.names.add(page.sourceName());
        }
    }

    @Override
    public RawArticleSink sink() {
        return sink;
    }

    @Override
    public void delivered(long pages) {
        current.delivered += pages;
    }

    @Override
    public void failed(Source source, String reason) {
        Tally t = source == reading ? current : tallies.computeIfAbsent(source, s -> new Tally());
        t.failures++;
        console.say(reason);
    }

    @Override
    public void say(String line) {
        console.say(line);
    }

    @Override
    public void replayProgress(String what, long records, double share) {
        progress.replay(what, records, share);
    }

    @Override
    public boolean stopping() {
        return stopping.getAsBoolean();
    }

    /** Sources read. */
    int count() {
        return tallies.size();
    }

    /** Names of the sources that failed: nothing but failures, or page URLs that all failed. */
    List<String> failedNames() {
        return tallies.entrySet().stream().filter(e -> e.getValue().failed(fetch)).map(e -> e.getKey().name()).toList();
    }

    /** What one source gave over the run. */
    private static final class Tally {
        private long failures;
        private long discovered;
        private long delivered;
        private final Set<String> names = new HashSet<>();

        boolean failed(WebFetch fetch) {
            if (delivered > 0) {
                return false;
            }
            if (discovered > 0) {
                return fetch != null && names.stream().noneMatch(n -> fetch.pages().yielded(n));
            }
            return failures > 0;
        }
    }
}
