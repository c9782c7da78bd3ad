package io.newsflow.enrich.extract.internal.metadata;

import io.newsflow.enrich.extract.internal.walk.TextMatch;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Chooses the headline: og:title, JSON-LD headline, twitter:title, the {@code <title>} or the
 * {@code <h1>}, with the site-name part (" | Site", "Site - ") removed.
 */
final class TitleFinder {

    private static final Pattern SEPARATORS = Pattern.compile("\\s+[|\\-\u2013\u2014:\u00b7\u00ab\u00bb/]{1,2}\\s+");

    private static final Pattern TRAILING_SEPARATOR = Pattern.compile(SEPARATORS.pattern() + "$");
    private static final Pattern LEADING_SEPARATOR = Pattern.compile("^" + SEPARATORS.pattern());
    private static final Pattern LAST_PIPE = Pattern.compile(".*\\s\\|\\s[^|]+$");
    private static final Pattern DOMAIN_SUFFIX = Pattern.compile("\\.(com|org|net|co\\.uk)\\b");

    private TitleFinder() {
    }

    static String find(String titleTag, Element h1, MetaTags meta, JsonLdArticle ld, String siteName) {
        String title = firstNonBlank(meta.first("og:title"), ld.headline(), meta.first("twitter:title"),
                meta.first("headline", "title"));
        String h1Text = h1 == null ? null : h1.text().trim();
        if (title == null) {
            title = titleTag == null || titleTag.isBlank() ? h1Text : titleTag;
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
                return TRAILING_SEPARATOR.matcher(title.substring(0, title.lastIndexOf(last))).replaceFirst("").trim();
            }
            if (matchesSite(first, site)) {
                return LEADING_SEPARATOR.matcher(title.substring(first.length())).replaceFirst("").trim();
            }
        }
        boolean pipe = LAST_PIPE.matcher(title).matches();
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
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    private static String norm(String s) {
        String c = TextMatch.compact(DOMAIN_SUFFIX.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(""));
        return c.startsWith("the") ? c.substring(3) : c;
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
