package io.newsflow.enrich.steps;

import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.ControlCharacters;
import io.newsflow.enrich.extract.DatedValue;
import io.newsflow.enrich.extract.ExtractedArticle;
import io.newsflow.enrich.text.Words;
import io.newsflow.schemas.avro.DateInfo;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.FeedHints;
import io.newsflow.schemas.avro.RawArticle;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Turns the page bytes into text and metadata with the extraction library. Where the page is
 * silent, what the feed said about the item (title, date, authors) fills the gap.
 */
public final class ExtractStep implements EnrichmentStep {

    /** Name in {@code enrich.steps}. */
    public static final String NAME = "extract";
    private final ArticleExtractor extractor;

    /** A step using this (thread-safe) extractor. */
    public ExtractStep(ArticleExtractor extractor) {
        this.extractor = extractor;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean required() {
        return true;
    }

    @Override
    public void apply(ArticleDraft draft) {
        RawArticle raw = draft.raw();
        String url = raw.getFinalUrl() != null ? raw.getFinalUrl() : raw.getUrl();
        ExtractedArticle page = extractor.extract(bytes(raw.getBody()), url, raw.getContentType());
        draft.extracted(page);
        // Feed hints come from the producer, not from the extractor: they get the same cleaning.
        FeedHints hints = cleaned(raw.getHints());
        EnrichedArticle.Builder out = draft.out();
        String text = page.text() == null ? "" : page.text();
        out.setText(text)
                .setWordCount(countWords(text))
                .setTitle(firstNonBlank(page.title(), hints == null ? null : hints.getTitle()))
                .setAuthors(!page.authors().isEmpty() || hints == null ? page.authors() : hints.getAuthors())
                .setPublished(date(page.published()))
                .setModified(date(page.modified()))
                .setCanonicalUrl(page.canonicalUrl())
                .setSite(firstNonBlank(page.siteName(), host(url)))
                .setImage(page.image())
                .setSection(page.section())
                .setDescription(firstNonBlank(page.description(), hints == null ? null : hints.getSummary()))
                .setPublisherKeywords(page.keywords() == null ? List.of() : page.keywords());
        if (out.getPublished() == null && hints != null && hints.getPublished() != null) {
            out.setPublished(new DateInfo(hints.getPublished(), hints.getPublished().toString(), "feed"));
        }
        out.getProcessing().setCharset(page.charset());
        out.getProcessing().setEmptyReason(text.isBlank() ? page.emptyReason() : null);
        if (raw.getTruncated()) {
            draft.warn("body truncated at the fetcher's size limit");
        }
    }

    private static FeedHints cleaned(FeedHints hints) {
        if (hints == null) {
            return null;
        }
        FeedHints out = FeedHints.newBuilder(hints).build();
        out.setTitle(ControlCharacters.stripToNull(hints.getTitle()));
        out.setSummary(ControlCharacters.stripToNull(hints.getSummary()));
        if (hints.getAuthors() != null) {
            out.setAuthors(ControlCharacters.strip(hints.getAuthors()));
        }
        return out;
    }

    static int countWords(String text) {
        return Words.count(text);
    }

    private static DateInfo date(DatedValue value) {
        if (value == null || value.value() == null) {
            return null;
        }
        return new DateInfo(value.value().toInstant(), value.value().toString(), value.source());
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static String host(String url) {
        try {
            return url == null ? null : java.net.URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : null);
    }
}
