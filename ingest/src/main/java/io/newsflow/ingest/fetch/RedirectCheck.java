package io.newsflow.ingest.fetch;

import java.net.URI;

/**
 * A veto on redirect hops beyond the SSRF guard, e.g. robots.txt of the target: the polite fetcher
 * uses it so a redirect cannot lead into a disallowed path.
 */
@FunctionalInterface
public interface RedirectCheck {

    /** Allows every hop. */
    RedirectCheck ALLOW_ALL = next -> null;

    /** Returns null to follow {@code next}, or the refusal that ends the fetch. */
    Refusal check(URI next);

    /**
     * Why a hop was refused.
     *
     * @param status the status the fetch ends with, e.g. ROBOTS_DENIED
     * @param reason human-readable reason
     */
    record Refusal(FetchStatus status, String reason) {
    }
}
