package io.newsflow.ingest.fetch;

import io.newsflow.ingest.fetch.internal.Backoff;
import io.newsflow.ingest.fetch.internal.BodyReader;
import io.newsflow.ingest.fetch.internal.Deadlines;
import io.newsflow.ingest.fetch.internal.Locations;
import io.newsflow.ingest.security.BlockedAddressException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

/**
 * Fetches one URL with {@link HttpClient}: redirects followed by hand so the SSRF guard vets every
 * hop, gzip/deflate decoded here with the size cap on decompressed bytes, a deadline on the body,
 * HTML-only filtering and retries with back-off on 429/5xx/network errors. Thread-safe; meant to
 * be called from many virtual threads.
 */
public final class HttpFetcher implements Fetcher, AutoCloseable {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final FetchOptions options;
    private final ExecutorService executor;
    private final Deadlines deadlines;
    private final HttpClient client;
    private final BodyReader bodyReader;
    private final Backoff backoff;
    private final RedirectCheck redirectCheck;

    /** Creates a fetcher; close it to release the client's connections and threads. */
    public HttpFetcher(FetchOptions options) {
        this(options, RedirectCheck.ALLOW_ALL);
    }

    /** Creates a fetcher that also asks {@code redirectCheck} before following each redirect hop. */
    public HttpFetcher(FetchOptions options, RedirectCheck redirectCheck) {
        this.options = Objects.requireNonNull(options, "options");
        this.redirectCheck = Objects.requireNonNull(redirectCheck, "redirectCheck");
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.deadlines = new Deadlines(Duration.ofMillis(50));
        this.client = HttpClient.newBuilder()
                .connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(options.httpVersion())
                .executor(executor)
                .build();
        this.bodyReader = new BodyReader(deadlines);
        this.backoff = new Backoff(options.backoffBase(), options.backoffMax(), options.maxRetryAfter(),
                RandomGenerator.getDefault());
    }

    /** The options this fetcher was built with. */
    public FetchOptions options() {
        return options;
    }

    /** Fetches {@code request}, retrying transient failures; never throws for network or HTTP errors. */
    @Override
    public FetchResult fetch(FetchRequest request) {
        Objects.requireNonNull(request, "request");
        int attempt = 0;
        while (true) {
            attempt++;
            Attempt a = attemptOnce(request, attempt);
            if (!a.retryable() || attempt >= options.maxAttempts()) {
                return a.result();
            }
            Duration wait = backoff.delayAfter(attempt, a.retryAfter());
            if (wait == null) {
                return withReason(a.result(), a.result().reason() + "; Retry-After " + a.retryAfter()
                        + " exceeds cap " + options.maxRetryAfter());
            }
            if (!sleep(wait)) {
                return withReason(a.result(), "interrupted while backing off");
            }
        }
    }

    /** One attempt: walks the redirect chain and reads the final response. */
    private Attempt attemptOnce(FetchRequest request, int attempt) {
        URI current = request.uri();
        Set<URI> seen = new HashSet<>();
        seen.add(current);
        for (int hops = 0; ; hops++) {
            Attempt refused = vet(request.uri(), current, attempt);
            if (refused != null) {
                return refused;
            }
            HttpRequest httpRequest;
            try {
                httpRequest = buildRequest(current, request);
            } catch (IllegalArgumentException e) {
                return Attempt.done(failure(request, current, FetchStatus.NETWORK_ERROR, 0, attempt,
                        "invalid request: " + e.getMessage())); // retrying cannot fix a malformed URI or header
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(httpRequest, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                return Attempt.retry(failure(request, current, FetchStatus.NETWORK_ERROR, 0, attempt,
                        "timed out waiting for response headers"), null);
            } catch (IOException | IllegalArgumentException e) {
                return Attempt.retry(failure(request, current, FetchStatus.NETWORK_ERROR, 0, attempt, describe(e)), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Attempt.done(failure(request, current, FetchStatus.NETWORK_ERROR, 0, attempt, "interrupted"));
            }
            Hop hop = nextHop(request, current, response, seen, hops, attempt);
            if (hop.stop() != null) {
                return hop.stop();
            }
            current = hop.next();
        }
    }

    /** Decides whether {@code response} is a redirect to follow, the final answer, or a refusal. */
    private Hop nextHop(FetchRequest request, URI current, HttpResponse<InputStream> response, Set<URI> seen,
                        int hops, int attempt) {
        int status = response.statusCode();
        String location = response.headers().firstValue("location").orElse(null);
        if (!REDIRECTS.contains(status) || location == null) {
            return Hop.stop(finish(request, current, response, attempt));
        }
        closeQuietly(response.body());
        URI next = Locations.resolve(current, location);
        if (next == null) {
            return Hop.stop(Attempt.done(failure(request, current, FetchStatus.HTTP_ERROR, status, attempt,
                    "unparseable Location: " + location)));
        }
        if (!seen.add(next)) {
            return Hop.stop(Attempt.done(failure(request, next, FetchStatus.TOO_MANY_REDIRECTS, status, attempt,
                    "redirect loop at " + next)));
        }
        if (hops + 1 > options.maxRedirects()) {
            return Hop.stop(Attempt.done(failure(request, next, FetchStatus.TOO_MANY_REDIRECTS, status, attempt,
                    "more than " + options.maxRedirects() + " redirects")));
        }
        RedirectCheck.Refusal refusal = redirectCheck.check(next);
        if (refusal != null) {
            return Hop.stop(Attempt.done(failure(request, next, refusal.status(), status, attempt, refusal.reason())));
        }
        return new Hop(next, null);
    }

    private Attempt vet(URI requested, URI current, int attempt) {
        try {
            options.ssrfGuard().resolveAndCheck(current);
            return null;
        } catch (BlockedAddressException e) {
            return Attempt.done(FetchResult.failure(requested, current, FetchStatus.BLOCKED, 0, attempt,
                    Instant.now(), e.getMessage()));
        } catch (UnknownHostException e) {
            return Attempt.done(FetchResult.failure(requested, current, FetchStatus.NETWORK_ERROR, 0, attempt,
                    Instant.now(), "unknown host " + current.getHost()));
        }
    }

    private HttpRequest buildRequest(URI uri, FetchRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(options.readTimeout())
                .header("User-Agent", options.userAgent())
                .header("Accept", options.htmlOnly()
                        ? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1" : "*/*")
                .header("Accept-Encoding", "gzip, deflate")
                .GET();
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1); // h2c upgrade confuses too many origin servers
        }
        if (request.etag() != null) {
            b.header("If-None-Match", request.etag());
        }
        if (request.lastModified() != null) {
            b.header("If-Modified-Since", request.lastModified());
        }
        return b.build();
    }

    /** Classifies the final (non-redirect) response and reads its body if wanted. */
    private Attempt finish(FetchRequest request, URI uri, HttpResponse<InputStream> response, int attempt) {
        int status = response.statusCode();
        Map<String, List<String>> headers = lowerCaseHeaders(response);
        String contentType = response.headers().firstValue("content-type").orElse(null);
        Instant now = Instant.now();
        if (status == 304) {
            closeQuietly(response.body());
            return Attempt.done(result(request, uri, FetchStatus.NOT_MODIFIED, status, contentType, headers,
                    null, false, attempt, now, null));
        }
        if (status < 200 || status > 299) {
            closeQuietly(response.body());
            FetchResult r = result(request, uri, FetchStatus.HTTP_ERROR, status, contentType, headers, null,
                    false, attempt, now, "HTTP " + status);
            boolean transientError = status == 429 || status >= 500;
            return transientError
                    ? Attempt.retry(r, RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null), now))
                    : Attempt.done(r);
        }
        if (options.htmlOnly() && !isHtml(contentType)) {
            closeQuietly(response.body()); // don't download what we will not use
            return Attempt.done(result(request, uri, FetchStatus.NOT_HTML, status, contentType, headers, null,
                    false, attempt, now, "content type " + contentType));
        }
        BodyReader.Body body = bodyReader.read(response.body(),
                response.headers().firstValue("content-encoding").orElse(null),
                response.headers().firstValueAsLong("content-length").orElse(-1),
                options.maxBodyBytes(), options.readTimeout());
        return Attempt.done(classifyBody(request, uri, status, contentType, headers, body, attempt));
    }

    private FetchResult classifyBody(FetchRequest request, URI uri, int status, String contentType,
                                     Map<String, List<String>> headers, BodyReader.Body body, int attempt) {
        Instant now = Instant.now();
        if (body.timedOut()) {
            return result(request, uri, FetchStatus.NETWORK_ERROR, status, contentType, headers, body.bytes(),
                    false, attempt, now, "body not complete within " + options.readTimeout());
        }
        if (body.error() != null) {
            return result(request, uri, FetchStatus.NETWORK_ERROR, status, contentType, headers, body.bytes(),
                    false, attempt, now, body.error());
        }
        String binary = options.htmlOnly() ? BinarySniffer.classify(body.bytes()) : null;
        if (binary != null) {
            return result(request, uri, FetchStatus.NOT_HTML, status, contentType, headers, null, false, attempt, now,
                    "binary body (" + binary + ") although declared " + contentType);
        }
        if (body.truncated()) {
            return result(request, uri, FetchStatus.TOO_LARGE_TRUNCATED, status, contentType, headers, body.bytes(),
                    true, attempt, now, "body larger than " + options.maxBodyBytes() + " bytes, truncated");
        }
        return result(request, uri, FetchStatus.OK, status, contentType, headers, body.bytes(), false, attempt, now, null);
    }

    /** True for text/html and application/xhtml+xml, the only types article extraction handles. */
    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mime.equals("text/html") || mime.equals("application/xhtml+xml");
    }

    private static Map<String, List<String>> lowerCaseHeaders(HttpResponse<?> response) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        response.headers().map().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return out;
    }

    private static FetchResult result(FetchRequest request, URI uri, FetchStatus status, int httpStatus,
                                      String contentType, Map<String, List<String>> headers, byte[] body,
                                      boolean truncated, int attempt, Instant at, String reason) {
        return new FetchResult(request.uri(), uri, status, httpStatus, contentType, headers, body, truncated,
                attempt, at, reason);
    }

    private static FetchResult failure(FetchRequest request, URI uri, FetchStatus status, int httpStatus,
                                       int attempt, String reason) {
        return FetchResult.failure(request.uri(), uri, status, httpStatus, attempt, Instant.now(), reason);
    }

    private static FetchResult withReason(FetchResult r, String reason) {
        return new FetchResult(r.requested(), r.finalUri(), r.status(), r.httpStatus(), r.contentType(), r.headers(),
                r.body(), r.truncated(), r.attempts(), r.fetchedAt(), reason);
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(Exception e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null || msg.isBlank() ? "" : ": " + msg);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the response is being discarded anyway
        }
    }

    /** Releases connections and threads; in-flight fetches end with NETWORK_ERROR. */
    @Override
    public void close() {
        client.shutdownNow();
        executor.shutdownNow();
        deadlines.close();
    }

    /** Either the next URI of a redirect chain or the attempt that ends it. */
    private record Hop(URI next, Attempt stop) {
        static Hop stop(Attempt a) {
            return new Hop(null, a);
        }
    }

    /** One attempt's result, whether it may be retried, and the server's requested wait. */
    private record Attempt(FetchResult result, boolean retryable, Duration retryAfter) {
        static Attempt done(FetchResult r) {
            return new Attempt(r, false, null);
        }

        static Attempt retry(FetchResult r, Duration retryAfter) {
            return new Attempt(r, true, retryAfter);
        }
    }
}
