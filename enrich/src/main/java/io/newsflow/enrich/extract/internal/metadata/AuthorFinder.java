package io.newsflow.enrich.extract.internal.metadata;

import io.newsflow.enrich.extract.internal.walk.PageIndex;
import io.newsflow.enrich.extract.internal.walk.TextMatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Finds the people credited with an article: JSON-LD authors, author meta tags, then
 * itemprop/rel/byline elements; names are split, stripped of "By" and filtered of non-people.
 */
final class AuthorFinder {

    /** Compiled once: jsoup would re-parse a selector string on every call (Evaluators are thread-safe). */
    private static final Evaluator ITEMPROP_NAME = Selector.evaluatorOf("[itemprop=name]");

    private static final Pattern BY_PREFIX = Pattern.compile(
            "^(?i)(written\\s+by|posted\\s+by|reported\\s+by|words\\s+by|by|von|par|por|di|door|av|af)[:\\s]+");
    private static final Pattern SPLIT = Pattern.compile("\\s*(?:,|;|\\||/|&|\\band\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b)\\s*");
    private static final Pattern NOT_A_NAME = Pattern.compile("(?i)(@|https?:|www\\.|\\d|\\.com\\b|"
            + "\\b(staff|editor|editors|correspondent|reporter|writer|contributor|news|newsroom|press|agency|"
            + "team|desk|updated|published|min read|share|admin|administrator|editorial|profile|author|guest|"
            + "anonymous|user|webmaster|humans|business|media|group|inc|ltd|llc|gmbh|verlag|redaktion|magazine|"
            + "magazin|online|network|television|broadcasting|publishing|wire|services)\\b)");
    private static final Pattern SITE_SEPARATOR = Pattern.compile("\\s+[|\\-\u2013\u2014:]\\s+");
    private static final java.util.Set<String> ARTICLES = java.util.Set.of("the", "a", "an");
    private static final Pattern TRAILING_DAY = Pattern.compile(
            "(?i)\\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\\b.*$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String[] META_KEYS = {"author", "article:author", "parsely-author", "sailthru.author",
        "dc.creator", "dcterms.creator", "byl", "twitter:creator:name"};

    private AuthorFinder() {
    }

    /** Authors of the page; {@code siteName} and {@code host} (both may be null) name the publisher, not a person. */
    static List<String> find(PageIndex index, MetaTags meta, JsonLdArticle ld, String siteName, String host) {
        List<String> names = clean(ld.authors(), siteName, host, ld.authorsArePeople());
        if (names.isEmpty()) {
            names = clean(meta.all(META_KEYS), siteName, host, false);
        }
        if (names.isEmpty()) {
            names = clean(fromElements(index), siteName, host, false);
        }
        return names;
    }

    private static List<String> fromElements(PageIndex index) {
        List<String> raw = new ArrayList<>();
        int seen = 0;
        for (Element e : index.authorElements) {
            if (inFormOrComments(e)) {
                continue;
            }
            Element name = e.selectFirst(ITEMPROP_NAME);
            String text = name != null ? name.text() : e.hasAttr("content") ? e.attr("content") : e.text();
            if (!text.isBlank() && text.length() < 120) {
                raw.add(text);
                if (!raw.isEmpty() && ++seen >= 3) {
                    break;
                }
            }
        }
        return raw.isEmpty() ? raw : List.of(raw.get(0));
    }

    /** Comment forms label their fields "Name", "Author": those are not bylines. */
    private static boolean inFormOrComments(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a.normalName().equals("form") || a.normalName().equals("label") || a.normalName().equals("input")
                    || a.className().toLowerCase(Locale.ROOT).contains("comment")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code name} (compacted: {@code key}) is the publisher {@code publisher} (compacted, may be "")
     * or one of its desks or editions: its leading words spell the publisher ("CNN Business" on cnn.com).
     */
    private static boolean isPublisher(String name, String key, String publisher) {
        if (publisher.isEmpty()) {
            return false;
        }
        if (key.equals(publisher)) {
            return true;
        }
        StringBuilder lead = new StringBuilder();
        String[] words = name.split(" ");
        for (int i = 0; i < words.length - 1 && lead.length() < publisher.length(); i++) {
            lead.append(norm(words[i]));
            if (lead.toString().equals(publisher)) {
                return true;
            }
        }
        return false;
    }

    static List<String> clean(List<String> raw, String siteName, String host, boolean trusted) {
        Map<String, String> out = new LinkedHashMap<>();
        String site = siteName == null ? "" : norm(SITE_SEPARATOR.split(siteName)[0]);
        String hostLabel = host == null ? "" : norm(host);
        for (String r : raw) {
            String s = BY_PREFIX.matcher(r.replace('\u00a0', ' ').trim()).replaceFirst("");
            for (String part : SPLIT.split(s)) {
                String name = TRAILING_DAY.matcher(BY_PREFIX.matcher(part.trim()).replaceFirst(""))
                        .replaceFirst("");
                name = WHITESPACE.matcher(name).replaceAll(" ").trim();
                String key = norm(name);
                if (isName(name, trusted) && !isPublisher(name, key, site)
                        && !isPublisher(name, key, hostLabel)) {
                    out.putIfAbsent(key, name);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /**
     * People's names have at most five words, start with a letter, are not all lower case (user
     * names are) and do not start with an article; one-word names are accepted only from a typed source.
     */
    private static boolean isName(String s, boolean trusted) {
        if (s.length() < 3 || s.length() > 60 || NOT_A_NAME.matcher(s).find() || s.contains(".") && !s.contains(" ")) {
            return false;
        }
        String[] words = s.split(" ");
        if (words.length > 5 || !Character.isLetter(s.charAt(0)) || ARTICLES.contains(words[0].toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (s.toLowerCase(Locale.ROOT).equals(s) && !s.toUpperCase(Locale.ROOT).equals(s)) {
            return false;
        }
        return words.length > 1 || trusted;
    }

    private static String norm(String s) {
        return TextMatch.compact(s);
    }
}
