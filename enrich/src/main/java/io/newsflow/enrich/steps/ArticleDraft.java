package io.newsflow.enrich.steps;

import io.newsflow.enrich.extract.ExtractedArticle;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Processing;
import io.newsflow.schemas.avro.RawArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An article on its way through the enrichment steps: the raw input, what extraction found, and
 * the enriched record being filled in. Steps read what earlier steps wrote.
 */
public final class ArticleDraft {

    private final RawArticle raw;
    private final EnrichedArticle.Builder out;
    private final List<String> warnings = new ArrayList<>();
    private ExtractedArticle extracted;

    /** A draft for this raw article, with the enriched record's builder pre-filled by the caller. */
    public ArticleDraft(RawArticle raw, EnrichedArticle.Builder out) {
        this.raw = Objects.requireNonNull(raw, "raw");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * A draft with nothing enriched yet: the raw article's id, URL, fetch time and source copied, empty
     * text, processing stamped by {@code pipelineVersion} (its time is set when the steps are done).
     * The enrich processor, the bench's plain loop and tests start every article this way.
     */
    public static ArticleDraft start(RawArticle raw, String pipelineVersion) {
        return new ArticleDraft(raw, EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setUrl(raw.getUrl())
                .setText("")
                .setFetchedAt(raw.getFetchedAt())
                .setSource(raw.getSource())
                .setProcessing(Processing.newBuilder()
                        .setEnrichedAt(Instant.EPOCH)
                        .setPipelineVersion(pipelineVersion)
                        .build()));
    }

    /** The raw article as fetched. */
    public RawArticle raw() {
        return raw;
    }

    /** The enriched record under construction. */
    public EnrichedArticle.Builder out() {
        return out;
    }

    /** What the extract step found, or null before it ran. */
    public ExtractedArticle extracted() {
        return extracted;
    }

    /** Set by the extract step. */
    public void extracted(ExtractedArticle value) {
        this.extracted = value;
    }

    /** The article text so far ("" when none). */
    public String text() {
        return out.hasText() && out.getText() != null ? out.getText() : "";
    }

    /** The title so far, or "". */
    public String title() {
        return out.getTitle() == null ? "" : out.getTitle();
    }

    /** Records a non-fatal problem; it ends up in {@code processing.warnings}. */
    public void warn(String warning) {
        warnings.add(warning);
    }

    /** Warnings so far. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
