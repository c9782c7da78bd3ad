package io.newsflow.enrich.extract;

import java.util.List;

/** What the extractor found on a page. */
public record ExtractedArticle(String text, String title, List<String> authors, DatedValue published,
                               DatedValue modified, String language, String canonicalUrl, String siteName,
                               String image, String section, String description, List<String> keywords,
                               String charset, String emptyReason) {
}
