package io.newsflow.ingest.feeds.internal;

import java.net.URI;
import java.util.Locale;

/** Resolves feed links to absolute http(s) URLs. */
final class Links {

    private Links() {
    }

    /** {@code link} resolved against {@code base}; null if missing, unparseable or not http(s). */
    static String absolute(URI base, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI resolved = base == null ? URI.create(link.strip()) : base.resolve(link.strip().replace(" ", "%20"));
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? resolved.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
