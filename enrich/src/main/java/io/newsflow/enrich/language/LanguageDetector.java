package io.newsflow.enrich.language;

/** Detects the language of a text. */
public interface LanguageDetector {
    /** ISO 639-1 code or "und"; hint = page-declared language or null. */
    String detect(String text, String hint);
}
