package io.newsflow.enrich.extract.internal.metadata;

import io.newsflow.enrich.extract.DatedValue;
import java.util.List;

/**
 * Everything the page says about itself, read from JSON-LD, meta tags, links and bylines.
 *
 * @param title        headline without site suffix
 * @param authors      author names
 * @param published    publication time and source
 * @param modified     modification time and source
 * @param language     ISO 639-1 hint
 * @param canonicalUrl absolute canonical URL
 * @param siteName     publication name
 * @param image        absolute main image URL
 * @param section      section
 * @param description  summary
 * @param keywords     keywords
 * @param jsonLdBody   JSON-LD articleBody, a cross-check for the DOM extraction, or null
 */
public record PageMetadata(String title, List<String> authors, DatedValue published, DatedValue modified,
        String language, String canonicalUrl, String siteName, String image, String section,
        String description, List<String> keywords, String jsonLdBody) {
}
