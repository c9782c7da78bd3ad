package io.newsflow.ingest.warc;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An archived HTTP response, ready to become a RawArticle with its original fetch time.
 *
 * @param targetUri   WARC-Target-URI, the page's URL
 * @param date        WARC-Date, when the page was originally fetched
 * @param httpStatus  archived HTTP status
 * @param contentType archived Content-Type, or null
 * @param headers     archived HTTP response headers (lower-case names)
 * @param body        payload with transfer and content encodings removed, cut at the size limit
 * @param offset      byte offset of the record in the (possibly compressed) file: the resume checkpoint
 * @param truncated   true if the body was cut at the size limit
 */
public record WarcPage(URI targetUri, Instant date, int httpStatus, String contentType,
                       Map<String, List<String>> headers, byte[] body, long offset, boolean truncated) {

    /** Copies the header map so the record is immutable. */
    public WarcPage {
        headers = Map.copyOf(headers);
    }

    /** Compact description for logs: never includes the body. */
    @Override
    public String toString() {
        return "WarcPage[" + targetUri + " " + httpStatus + " @" + offset + " bytes=" + body.length + "]";
    }
}
