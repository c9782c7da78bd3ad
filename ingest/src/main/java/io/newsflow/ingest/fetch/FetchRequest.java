package io.newsflow.ingest.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * One URL to fetch, with the validators of a previous fetch for a conditional GET.
 *
 * @param uri          absolute http(s) URL
 * @param etag         ETag of the previous response, sent as If-None-Match; may be null
 * @param lastModified Last-Modified of the previous response, sent as If-Modified-Since; may be null
 */
public record FetchRequest(URI uri, String etag, String lastModified) {

    /** Validates that the URI is present. */
    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
    }

    /** An unconditional request for {@code uri}. */
    public static FetchRequest of(URI uri) {
        return new FetchRequest(uri, null, null);
    }

    /** True if the request carries a validator, i.e. may be answered with 304 Not Modified. */
    public boolean isConditional() {
        return etag != null || lastModified != null;
    }
}
