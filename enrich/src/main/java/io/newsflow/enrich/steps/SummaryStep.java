package io.newsflow.enrich.steps;

import io.newsflow.enrich.summary.LeadSummarizer;

/** Writes a short extractive summary: the lead sentences, cleaned. */
public final class SummaryStep implements EnrichmentStep {

    /** Name in {@code enrich.steps}. */
    public static final String NAME = "summary";

    /** Default of {@code enrich.summary.max-chars}: the lead is at the start. */
    static final int DEFAULT_MAX_CHARS = 100_000;

    private final LeadSummarizer summarizer;
    private final int sentences;
    private final int maxChars;

    /** A step writing at most {@code sentences} sentences. */
    public SummaryStep(LeadSummarizer summarizer, int sentences) {
        this(summarizer, sentences, DEFAULT_MAX_CHARS);
    }

    /** A step that also reads at most {@code maxChars} characters of the text. */
    public SummaryStep(LeadSummarizer summarizer, int sentences, int maxChars) {
        this.summarizer = summarizer;
        this.sentences = sentences;
        this.maxChars = maxChars;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        if (draft.text().isBlank()) {
            return;
        }
        String summary = summarizer.summarize(draft.title(), TextCap.text(draft, NAME, maxChars), draft.out().getLanguage(), sentences);
        draft.out().setSummary(summary == null || summary.isBlank() ? null : summary);
    }
}
