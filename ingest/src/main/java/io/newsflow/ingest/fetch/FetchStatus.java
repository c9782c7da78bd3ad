package io.newsflow.ingest.fetch;

/** Outcome class of a fetch; every fetch ends in exactly one of these. */
public enum FetchStatus {
    /** 2xx with an acceptable body. */
    OK,
    /** 304 answer to a conditional GET. */
    NOT_MODIFIED,
    /** robots.txt forbids the URL for our user agent. */
    ROBOTS_DENIED,
    /** The SSRF guard refused the URL or one of its redirect hops. */
    BLOCKED,
    /**
     * The content type is not HTML while the fetcher is HTML-only (the body was not read), or the
     * body is binary although declared HTML (see {@link BinarySniffer}; the body is dropped).
     */
    NOT_HTML,
    /** The (decompressed) body exceeded the size limit; the first bytes are kept. */
    TOO_LARGE_TRUNCATED,
    /** Non-2xx/304 answer after any retries. */
    HTTP_ERROR,
    /** Connection, TLS, timeout or decoding failure after any retries. */
    NETWORK_ERROR,
    /** Redirect chain longer than allowed, or a loop. */
    TOO_MANY_REDIRECTS,
    /**
     * Fetched, but its record could not be made to fit the producer's {@code max.request.size}
     * (even without a body): recorded as a fetch status and a dead letter, never sent.
     */
    UNDELIVERABLE;

    /** True if the result carries a usable body (possibly truncated). */
    public boolean hasBody() {
        return this == OK || this == TOO_LARGE_TRUNCATED;
    }
}
