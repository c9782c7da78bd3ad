package io.newsflow.ingest.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything known about one fetch: where it ended, how, and the (decompressed) body.
 *
 * @param requested   the URL asked for
 * @param finalUri    the URL after redirects (equals {@code requested} if none)
 * @param status      outcome class
 * @param httpStatus  last HTTP status seen, 0 if no response was received
 * @param contentType Content-Type header of the final response, or null
 * @param headers     response headers of the final response (lower-case names)
 * @param body        decompressed body bytes, empty when none was read
 * @param truncated   true if the body was cut at the size limit
 * @param attempts    number of HTTP attempts made (retries included)
 * @param fetchedAt   when the final response was received
 * @param reason      human-readable failure reason, null when OK
 */
public record FetchResult(URI requested, URI finalUri, FetchStatus status, int httpStatus, String contentType,
                          Map<String, List<String>> headers, byte[] body, boolean truncated, int attempts,
                          Instant fetchedAt, String reason) {

    private static final byte[] EMPTY = new byte[0];

    /** Normalises nulls so consumers never see a null map or body. */
    public FetchResult {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? EMPTY : body;
    }

    /** A result for a fetch that ended before any usable response (blocked, denied, network). */
    public static FetchResult failure(URI requested, URI finalUri, FetchStatus status, int httpStatus,
                                      int attempts, Instant at, String reason) {
        return new FetchResult(requested, finalUri, status, httpStatus, null, Map.of(), EMPTY, false,
                attempts, at, reason);
    }

    /** First value of a response header (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** True for OK and TOO_LARGE_TRUNCATED. */
    public boolean hasBody() {
        return status.hasBody();
    }

    /** The charset declared in Content-Type, or UTF-8 when absent or unknown. */
    public Charset charset() {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.strip();
                if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").strip());
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8; // unknown labels are common; UTF-8 is the web default
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Compact description for logs: never includes the body. */
    @Override
    public String toString() {
        return "FetchResult[" + status + " " + httpStatus + " " + requested
                + (finalUri != null && !finalUri.equals(requested) ? " -> " + finalUri : "")
                + " bytes=" + body.length + (truncated ? " truncated" : "") + " attempts=" + attempts
                + (reason == null ? "" : " reason=" + reason) + "]";
    }
}
