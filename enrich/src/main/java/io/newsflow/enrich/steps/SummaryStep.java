package io.newsflow.enrich.steps;

import io.newsflow.enrich.summary.LeadSummarizer;

/** Writes a short extractive summary: the lead sentences, cleaned. */
public final class SummaryStep implements EnrichmentStep {

    /** Name in {@code enrich.steps}. */
    public static final String NAME = "summary";

    private final LeadSummarizer summarizer;
    private final int sentences;

    /** A step writing at most {@code sentences} sentences. */
    public SummaryStep(LeadSummarizer summarizer, int sentences) {
        this.summarizer = summarizer;
        this.sentences = sentences;
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
        String summary = summarizer.summarize(draft.title(), draft.text(), draft.out().getLanguage(), sentences);
        draft.out().setSummary(summary == null || summary.isBlank() ? null : summary);
    }
}
