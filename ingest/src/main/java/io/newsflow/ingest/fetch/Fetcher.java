package io.newsflow.ingest.fetch;

/**
 * Anything that turns a request into a result without throwing for network or HTTP failures;
 * implemented by {@link HttpFetcher} and by the polite wrapper, so feed and sitemap readers work
 * with either.
 */
@FunctionalInterface
public interface Fetcher {

    /** Fetches the request; failures are reported in the result's status and reason. */
    FetchResult fetch(FetchRequest request);
}
