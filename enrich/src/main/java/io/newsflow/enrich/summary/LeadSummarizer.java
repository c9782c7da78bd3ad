package io.newsflow.enrich.summary;

import io.newsflow.enrich.summary.internal.SentenceSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An extractive lead summary: the first sentences of the body, skipping what is not prose (captions, share
 * buttons, credits, headings, a repeat of the headline) and the dateline prefix. News puts the gist first,
 * so the lead is a strong baseline. Thread-safe and stateless.
 */
public final class LeadSummarizer {

    private static final Pattern FURNITURE = Pattern.compile("(?i)(share this|click here|read more|sign up|subscribe|"
            + "newsletter|copyright|©|all rights reserved|getty images|advertisement|follow us|image credit|"
            + "photo:|related:|watch:|listen:|cookies?\\b)");
    /** "DUBAI, United Arab Emirates — ", "HAYWARD, Calif. (AP) — ", "NEW DELHI: ". */
    private static final Pattern DATELINE = Pattern.compile(
            "^\\p{Lu}[\\p{Lu} .'-]{1,40}(?:,[^—–:\\n]{1,40})?\\s*(?:\\([^)]{1,30}\\))?\\s*(?:[—–]|-{1,2}|:)\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MIN_PROSE_CHARS = 40;
    private static final int MAX_SENTENCE_CHARS = 600;

    /** Creates a summarizer. */
    public LeadSummarizer() {
        // Stateless: nothing to load.
    }

    /**
     * Returns up to {@code maxSentences} lead sentences joined by a space, or an empty string.
     *
     * @param language ISO 639-1 code of the text; reserved for language-specific rules, the method is language-light
     */
    public String summarize(String title, String text, String language, int maxSentences) {
        if (maxSentences <= 0) {
            throw new IllegalArgumentException("maxSentences must be positive: " + maxSentences);
        }
        if (text == null || text.isBlank()) {
            return "";
        }
        String normalTitle = normal(title);
        List<String> picked = new ArrayList<>();
        for (String s : SentenceSplitter.sentences(text)) { // read only as far as the lead needs
            String clean = picked.isEmpty() ? DATELINE.matcher(s).replaceFirst("") : s;
            clean = SPACES.matcher(clean).replaceAll(" ").strip();
            if (isProse(clean) && !normal(clean).equals(normalTitle)) {
                picked.add(clean);
                if (picked.size() == maxSentences) {
                    break;
                }
            }
        }
        return String.join(" ", picked);
    }

    private static boolean isProse(String s) {
        if (s.length() < MIN_PROSE_CHARS || s.length() > MAX_SENTENCE_CHARS || FURNITURE.matcher(s).find()) {
            return false;
        }
        char last = s.charAt(s.length() - 1);
        // A heading or caption has no sentence-final punctuation.
        return ".!?\"'”’)。！？".indexOf(last) >= 0;
    }

    private static String normal(String s) {
        return s == null ? "" : NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
