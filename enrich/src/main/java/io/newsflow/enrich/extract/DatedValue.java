package io.newsflow.enrich.extract;

import java.time.OffsetDateTime;

/**
 * A timestamp found on a page together with where it came from, so consumers can weigh it.
 *
 * @param value  the instant with the offset the page gave (UTC when the page gave none)
 * @param source one of "json-ld", "meta", "time-element", "url", "text"
 */
public record DatedValue(OffsetDateTime value, String source) {
}
