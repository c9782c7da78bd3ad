package io.newsflow.enrich.extract;

import java.util.List;

/**
 * The article found in one page: its body text and the metadata the page declares.
 *
 * @param text         main body, paragraphs separated by a blank line; "" when none was found
 * @param title        headline without the site-name suffix, or null
 * @param authors      people credited as authors, possibly empty
 * @param published    first publication time with its source, or null
 * @param modified     last modification time with its source, or null
 * @param language     ISO 639-1 language the page declares (lower case), or null
 * @param canonicalUrl absolute canonical URL, or null
 * @param siteName     publication name, or null
 * @param image        absolute URL of the main image, or null
 * @param section      publisher section, or null
 * @param description  publisher summary, or null
 * @param keywords     publisher keywords, possibly empty
 * @param charset      charset used to decode the bytes, or null when nothing was decoded
 * @param emptyReason  null when text was found, otherwise why not ("empty-input", "binary", "not-html",
 *                     "no-article-content")
 * @param truncated    true when the input exceeded {@link ExtractorOptions#maxInputBytes()} and was cut
 * @param markdown     the body as Markdown, the same content as {@code text} (without the title); null unless
 *                     {@link ExtractorOptions#markdown()} asked for it, "" when {@code text} is
 */
public record ExtractedArticle(
        String text,
        String title,
        List<String> authors,
        DatedValue published,
        DatedValue modified,
        String language,
        String canonicalUrl,
        String siteName,
        String image,
        String section,
        String description,
        List<String> keywords,
        String charset,
        String emptyReason,
        boolean truncated,
        String markdown) {

    /** Copies the lists so the record stays immutable. */
    public ExtractedArticle {
        text = text == null ? "" : text;
        authors = authors == null ? List.of() : List.copyOf(authors);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** Builds a result without Markdown. */
    public ExtractedArticle(String text, String title, List<String> authors, DatedValue published,
            DatedValue modified, String language, String canonicalUrl, String siteName, String image,
            String section, String description, List<String> keywords, String charset, String emptyReason,
            boolean truncated) {
        this(text, title, authors, published, modified, language, canonicalUrl, siteName, image, section,
                description, keywords, charset, emptyReason, truncated, null);
    }

    /** Builds a result for an input that was not truncated. */
    public ExtractedArticle(String text, String title, List<String> authors, DatedValue published,
            DatedValue modified, String language, String canonicalUrl, String siteName, String image,
            String section, String description, List<String> keywords, String charset, String emptyReason) {
        this(text, title, authors, published, modified, language, canonicalUrl, siteName, image, section,
                description, keywords, charset, emptyReason, false);
    }

    /** Returns an article with no text and no metadata, for input that could not be read as a page. */
    public static ExtractedArticle empty(String reason, String charset, boolean truncated) {
        return new ExtractedArticle("", null, List.of(), null, null, null, null, null, null, null, null,
                List.of(), charset, reason, truncated);
    }
}
