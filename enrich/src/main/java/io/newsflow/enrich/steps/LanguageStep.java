package io.newsflow.enrich.steps;

import io.newsflow.enrich.language.LanguageDetector;

/** Detects the article's language from its text, with the page's declared language as a hint. */
public final class LanguageStep implements EnrichmentStep {

    /** Name in {@code enrich.steps}. */
    public static final String NAME = "language";

    private final LanguageDetector detector;

    /** A step using this (thread-safe) detector. */
    public LanguageStep(LanguageDetector detector) {
        this.detector = detector;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        String hint = draft.extracted() == null ? null : draft.extracted().language();
        String sample = draft.title() + "\n" + draft.text();
        String language = detector.detect(sample, hint);
        draft.out().setLanguage("und".equals(language) ? hint : language);
    }
}
