package io.newsflow.ingest.feeds.internal;

/** Small text helpers for feed fields. */
final class Text {

    private Text() {
    }

    /** Trims and collapses whitespace; null or blank becomes null. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }
}
