package io.newsflow.enrich.topology;

import io.newsflow.schemas.avro.RawArticle;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What a raw record must satisfy before it is enriched. Producers are outside Newsflow's control, and
 * the id and URL travel into every downstream topic, key and file name: an id such as
 * {@code ../../x}, one with a NUL or 10,000 characters, or a {@code javascript:} URL is refused here,
 * as a dead letter saying why. URLs are http(s) with a host, or file URLs of locally ingested pages.
 */
final class RawArticleChecks {

    /** Longest id accepted; Newsflow's own ids are 32 hex characters. */
    static final int MAX_ID_CHARS = 128;
    /** Longest URL accepted (browsers and crawlers commonly cap near here). */
    static final int MAX_URL_CHARS = 8_192;

    private RawArticleChecks() {
    }

    /** Null when {@code raw} may be enriched, else the one-line reason it may not. */
    static String problem(RawArticle raw) {
        String id = raw.getId();
        if (id == null || id.isEmpty()) {
            return "article id is empty";
        }
        if (id.length() > MAX_ID_CHARS) {
            return "article id is " + id.length() + " characters, over " + MAX_ID_CHARS;
        }
        if (!validIdChars(id)) {
            return "article id has characters other than letters, digits, '-', '_', '.' and ':', or starts with '.'";
        }
        return urlProblem(raw.getUrl());
    }

    private static boolean validIdChars(String id) {
        if (id.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "URL is empty";
        }
        if (url.length() > MAX_URL_CHARS) {
            return "URL is " + url.length() + " characters, over " + MAX_URL_CHARS;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme.equals("file")) {
                // Pages ingested from local files are named by their file URL.
                return uri.getPath() == null || uri.getPath().isEmpty() ? "file URL has no path" : null;
            }
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return "URL scheme is not http, https or file: " + (scheme.isEmpty() ? "(none)" : scheme);
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "URL has no host";
            }
            return null;
        } catch (URISyntaxException e) {
            return "URL is not valid: " + e.getReason();
        }
    }
}
