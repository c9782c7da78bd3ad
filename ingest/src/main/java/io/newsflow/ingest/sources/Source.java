package io.newsflow.ingest.sources;

import java.time.Instant;
import java.util.Optional;

/**
 * One place pages come from. The ingest service reads every source once and, when it follows them,
 * again at the time each one asks for: web sources hand page URLs to the context for fetching, local
 * ones (folders, WARC archives) send their pages themselves. A source reports what it could not read
 * through the context; it never throws for bad input.
 */
public interface Source {

    /** A short name for messages and progress, e.g. {@code feed https://example.com/rss.xml}. */
    String name();

    /** True if its pages are fetched from the web (they go through politeness, robots.txt and the SSRF guard). */
    boolean web();

    /**
     * Reads what is new now. Returns when the source should be read again, or empty when it is done
     * (a one-shot source, or any source when the service does not follow).
     */
    Optional<Instant> read(SourceContext context);
}
