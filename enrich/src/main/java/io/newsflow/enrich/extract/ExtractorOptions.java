package io.newsflow.enrich.extract;

/**
 * Limits that keep extraction bounded in time and memory whatever the input, and what is rendered.
 *
 * @param maxInputBytes   pages longer than this are cut before parsing and flagged as truncated
 * @param maxNestingDepth deepest element nesting the parser builds; deeper markup is flattened
 * @param minBodyChars    a body shorter than this is reported as "no-article-content"
 * @param markdown        whether the body is also rendered as Markdown ({@link ExtractedArticle#markdown()});
 *                        off by default, as it makes the parser read link targets it otherwise never sees
 */
public record ExtractorOptions(int maxInputBytes, int maxNestingDepth, int minBodyChars, boolean markdown) {

    /** Default input cap: far above real article pages, low enough to parse in well under a second. */
    public static final int DEFAULT_MAX_INPUT_BYTES = 4 * 1024 * 1024;

    /** Options that render no Markdown. */
    public ExtractorOptions(int maxInputBytes, int maxNestingDepth, int minBodyChars) {
        this(maxInputBytes, maxNestingDepth, minBodyChars, false);
    }

    /** Validates the limits eagerly so a bad configuration fails at start-up, not per page. */
    public ExtractorOptions {
        if (maxInputBytes < 1024) {
            throw new IllegalArgumentException("maxInputBytes must be at least 1024 but was " + maxInputBytes);
        }
        if (maxNestingDepth < 16) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 16 but was " + maxNestingDepth);
        }
        if (minBodyChars < 0) {
            throw new IllegalArgumentException("minBodyChars must not be negative but was " + minBodyChars);
        }
    }

    /** Returns the options used by {@link ArticleExtractor#ArticleExtractor()}. */
    public static ExtractorOptions defaults() {
        return new ExtractorOptions(DEFAULT_MAX_INPUT_BYTES, 512, 100);
    }

    /** These options, rendering the body as Markdown too when {@code markdown} is true. */
    public ExtractorOptions withMarkdown(boolean markdown) {
        return new ExtractorOptions(maxInputBytes, maxNestingDepth, minBodyChars, markdown);
    }
}
