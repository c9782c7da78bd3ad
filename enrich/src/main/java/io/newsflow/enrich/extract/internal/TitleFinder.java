package io.newsflow.enrich.extract.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Chooses the headline: og:title, JSON-LD headline, twitter:title, the {@code <title>} or the
 * {@code <h1>}, with the site-name part (" | Site", "Site - ") removed.
 */
final class TitleFinder {

    private static final Pattern SEPARATORS = Pattern.compile("\\s+[|\\-\u2013\u2014:\u00b7\u00ab\u00bb/]{1,2}\\s+");

    private TitleFinder() {
    }

    static String find(Document doc, Element h1, MetaTags meta, JsonLdArticle ld, String siteName) {
        String title = firstNonBlank(meta.first("og:title"), ld.headline(), meta.first("twitter:title"),
                meta.first("headline", "title"));
        String h1Text = h1 == null ? null : h1.text().trim();
        if (title == null) {
            title = doc.title().isBlank() ? h1Text : doc.title();
            if (title != null && h1Text != null && h1Text.length() > 10 && norm(title).contains(norm(h1Text))) {
                return h1Text;
            }
        }
        if (title == null) {
            return null;
        }
        String stripped = stripSite(title.trim(), siteName);
        // The on-page headline inside a longer meta title ("Opinion | X", "X - Site") is the bare headline.
        if (h1Text != null && h1Text.length() >= 10 && !norm(h1Text).equals(norm(stripped))
                && norm(stripped).contains(norm(h1Text)) && h1Text.length() * 10 >= stripped.length() * 6) {
            return h1Text;
        }
        return stripped;
    }

    /** Removes a leading or trailing segment naming the site, or a short trailing brand segment. */
    static String stripSite(String title, String siteName) {
        String[] parts = SEPARATORS.split(title);
        if (parts.length < 2) {
            return title;
        }
        String site = siteName == null ? null : norm(siteName);
        String last = parts[parts.length - 1];
        String first = parts[0];
        if (site != null && !site.isEmpty()) {
            if (matchesSite(last, site)) {
                return title.substring(0, title.lastIndexOf(last)).replaceFirst(SEPARATORS.pattern() + "$", "").trim();
            }
            if (matchesSite(first, site)) {
                return title.substring(first.length()).replaceFirst("^" + SEPARATORS.pattern(), "").trim();
            }
        }
        boolean pipe = title.matches(".*\\s\\|\\s[^|]+$");
        if (pipe && words(last) <= 4 && words(title) - words(last) >= 3) {
            return title.substring(0, title.lastIndexOf('|')).trim();
        }
        return title;
    }

    private static boolean matchesSite(String part, String site) {
        String p = norm(part);
        return !p.isEmpty() && (p.equals(site) || (p.length() >= 4 && (site.contains(p) || p.contains(site))
                && words(part) <= 5));
    }

    private static int words(String s) {
        return s.trim().split("\\s+").length;
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("^the", "").replaceAll("\\.(com|org|net|co\\.uk)\\b", "")
                .replaceAll("[^\\p{L}\\p{N}]", "");
    }

    static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
