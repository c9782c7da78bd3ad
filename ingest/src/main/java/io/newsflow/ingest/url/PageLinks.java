package io.newsflow.ingest.url;

/**
 * Identity hints a fetched HTML page declares about itself.
 *
 * @param canonical absolute {@code <link rel="canonical">} target, or null
 * @param amphtml   absolute {@code <link rel="amphtml">} target, or null
 * @param isAmp     true if the page itself is an AMP page ({@code <html amp>} or {@code <html ⚡>})
 */
public record PageLinks(String canonical, String amphtml, boolean isAmp) {

    /** No hints at all. */
    public static final PageLinks NONE = new PageLinks(null, null, false);
}
