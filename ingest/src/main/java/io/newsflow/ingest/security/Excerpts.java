package io.newsflow.ingest.security;

/**
 * Cuts untrusted text (URL list lines, URLs, server messages) before it reaches a log line or a
 * record, so a megabyte of junk is reported by its start and its length, never echoed in full,
 * and control characters cannot forge log lines.
 */
public final class Excerpts {

    /** Characters kept by {@link #of(String)}. */
    public static final int DEFAULT_CHARS = 200;

    private Excerpts() {
    }

    /** {@code text} cut to {@link #DEFAULT_CHARS} characters; see {@link #of(String, int)}. */
    public static String of(String text) {
        return of(text, DEFAULT_CHARS);
    }

    /**
     * The first {@code max} characters of {@code text} with control characters shown as
     * {@code \\uXXXX}, followed by {@code "... (N chars)"} when it was longer; null stays null.
     */
    public static String of(String text, int max) {
        if (text == null) {
            return null;
        }
        int end = Math.min(text.length(), max);
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a surrogate pair
        }
        StringBuilder out = new StringBuilder(end + 24);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (end < text.length()) {
            out.append("... (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
