package io.newsflow.enrich.extract.internal;

/**
 * Page bytes turned into text, or the reason they could not be.
 *
 * @param html        decoded markup, or null when {@code emptyReason} is set
 * @param charset     name of the charset used, or null
 * @param truncated   whether the input was cut at the configured size limit
 * @param emptyReason null on success, otherwise "empty-input", "binary" or "not-html"
 */
public record DecodedPage(String html, String charset, boolean truncated, String emptyReason) {

    static DecodedPage rejected(String reason, boolean truncated) {
        return new DecodedPage(null, null, truncated, reason);
    }
}
