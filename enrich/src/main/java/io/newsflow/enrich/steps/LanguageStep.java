package io.newsflow.enrich.steps;

import io.newsflow.enrich.language.LanguageDetector;

/** Detects the article's language from its text, with the page's declared language as a hint. */
public final class LanguageStep implements EnrichmentStep {

    /** Name in {@code enrich.steps}. */
    public static final String NAME = "language";

    /** Default of {@code enrich.language.max-chars}; the bundled detector reads only the first 700 anyway. */
    static final int DEFAULT_MAX_CHARS = 10_000;

    private final LanguageDetector detector;
    private final int maxChars;

    /** A step using this (thread-safe) detector. */
    public LanguageStep(LanguageDetector detector) {
        this(detector, DEFAULT_MAX_CHARS);
    }

    /** A step that shows the detector at most {@code maxChars} characters of title and text. */
    public LanguageStep(LanguageDetector detector, int maxChars) {
        this.detector = detector;
        this.maxChars = maxChars;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        String hint = draft.extracted() == null ? null : draft.extracted().language();
        // Cut before joining: copying a 4 MB text to read 700 characters of it is waste.
        String sample = TextCap.prefix(draft.title() + "\n" + TextCap.prefix(draft.text(), maxChars), maxChars);
        String language = detector.detect(sample, hint);
        draft.out().setLanguage("und".equals(language) ? hint : language);
    }
}
