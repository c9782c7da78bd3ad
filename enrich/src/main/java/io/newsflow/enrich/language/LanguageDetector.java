package io.newsflow.enrich.language;

/** Detects the language of an article's text. Implementations must be thread-safe. */
public interface LanguageDetector {

    /** The code returned when no language can be determined. */
    String UNDETERMINED = "und";

    /**
     * Returns the ISO 639-1 code of the text's language, or {@code "und"}.
     *
     * @param text the article text (title and body), may be null or empty
     * @param hint the page-declared language (e.g. {@code "en-GB"}), or null; used as a tie-breaker
     */
    String detect(String text, String hint);
}
