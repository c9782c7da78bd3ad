package io.newsflow.enrich.extract;

import java.time.OffsetDateTime;

/** A date found on a page and where it came from. */
public record DatedValue(OffsetDateTime value, String source) {
}
