package io.newsflow.ingest.fetch;

import io.newsflow.ingest.security.SsrfGuard;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link HttpFetcher}. Use {@link #defaults()} and the {@code with...} methods.
 *
 * @param userAgent      honest User-Agent sent on every request, ideally with a contact URL
 * @param connectTimeout TCP/TLS connect limit
 * @param readTimeout    limit for the response headers to arrive, and separately for the whole
 *                       body to be read afterwards (a body that trickles forever is cut)
 * @param maxRedirects   redirect hops followed before giving up with TOO_MANY_REDIRECTS
 * @param maxBodyBytes   limit on the decompressed body; beyond it the body is truncated and flagged
 * @param maxAttempts    HTTP attempts per fetch including the first (1 disables retries)
 * @param backoffBase    first retry delay for 429/5xx/network errors; doubles per attempt, jittered
 * @param backoffMax     cap on the exponential retry delay
 * @param maxRetryAfter  cap on a server's Retry-After, so a hostile value cannot park a worker
 * @param httpVersion    preferred version for https (http:// always uses HTTP/1.1, no h2c upgrade)
 * @param ssrfGuard      guard checked on the first URL and on every redirect hop
 * @param htmlOnly       if true, non-HTML content types end in NOT_HTML without reading the body
 */
public record FetchOptions(String userAgent, Duration connectTimeout, Duration readTimeout, int maxRedirects,
                           long maxBodyBytes, int maxAttempts, Duration backoffBase, Duration backoffMax,
                           Duration maxRetryAfter, HttpClient.Version httpVersion, SsrfGuard ssrfGuard,
                           boolean htmlOnly) {

    /** Default User-Agent: says who we are and where to complain. */
    public static final String DEFAULT_USER_AGENT =
            "NewsflowBot/0.1 (+https://github.com/newsflow/newsflow; news ingestion)";

    /** Validates ranges so misconfiguration fails at startup, not at the first fetch. */
    public FetchOptions {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(httpVersion, "httpVersion");
        Objects.requireNonNull(ssrfGuard, "ssrfGuard");
        if (userAgent.isBlank() || maxRedirects < 0 || maxBodyBytes < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid fetch options: userAgent='" + userAgent
                    + "' maxRedirects=" + maxRedirects + " maxBodyBytes=" + maxBodyBytes
                    + " maxAttempts=" + maxAttempts);
        }
    }

    /** Production defaults: 10 s connect, 30 s read, 5 redirects, 5 MiB, 3 attempts, HTML only, SSRF guard on. */
    public static FetchOptions defaults() {
        return new FetchOptions(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30), 5,
                5L * 1024 * 1024, 3, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60),
                HttpClient.Version.HTTP_2, SsrfGuard.defaults(), true);
    }

    /** Copy with another User-Agent. */
    public FetchOptions withUserAgent(String value) {
        return new FetchOptions(value, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                backoffBase, backoffMax, maxRetryAfter, httpVersion, ssrfGuard, htmlOnly);
    }

    /** Copy with other connect and read timeouts. */
    public FetchOptions withTimeouts(Duration connect, Duration read) {
        return new FetchOptions(userAgent, connect, read, maxRedirects, maxBodyBytes, maxAttempts,
                backoffBase, backoffMax, maxRetryAfter, httpVersion, ssrfGuard, htmlOnly);
    }

    /** Copy with another redirect limit. */
    public FetchOptions withMaxRedirects(int value) {
        return new FetchOptions(userAgent, connectTimeout, readTimeout, value, maxBodyBytes, maxAttempts,
                backoffBase, backoffMax, maxRetryAfter, httpVersion, ssrfGuard, htmlOnly);
    }

    /** Copy with another decompressed body size limit. */
    public FetchOptions withMaxBodyBytes(long value) {
        return new FetchOptions(userAgent, connectTimeout, readTimeout, maxRedirects, value, maxAttempts,
                backoffBase, backoffMax, maxRetryAfter, httpVersion, ssrfGuard, htmlOnly);
    }

    /** Copy with another retry policy. */
    public FetchOptions withRetries(int attempts, Duration base, Duration max, Duration retryAfterCap) {
        return new FetchOptions(userAgent, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, attempts,
                base, max, retryAfterCap, httpVersion, ssrfGuard, htmlOnly);
    }

    /** Copy with another preferred HTTP version for https. */
    public FetchOptions withHttpVersion(HttpClient.Version value) {
        return new FetchOptions(userAgent, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                backoffBase, backoffMax, maxRetryAfter, value, ssrfGuard, htmlOnly);
    }

    /** Copy with another SSRF guard, e.g. {@code SsrfGuard.allowing(List.of("127.0.0.0/8"))} in tests. */
    public FetchOptions withSsrfGuard(SsrfGuard value) {
        return new FetchOptions(userAgent, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                backoffBase, backoffMax, maxRetryAfter, httpVersion, value, htmlOnly);
    }

    /** Copy that accepts or refuses non-HTML bodies (feeds, sitemaps and robots.txt need false). */
    public FetchOptions withHtmlOnly(boolean value) {
        return new FetchOptions(userAgent, connectTimeout, readTimeout, maxRedirects, maxBodyBytes, maxAttempts,
                backoffBase, backoffMax, maxRetryAfter, httpVersion, ssrfGuard, value);
    }
}
