package io.newsflow.enrich.extract.internal.metadata;

import io.newsflow.enrich.extract.internal.walk.PageIndex;
import io.newsflow.enrich.extract.internal.walk.PageWalk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Reads a parsed page's metadata; each field comes from the most reliable source that has it. */
public final class MetadataExtractor {

    private static final Pattern HOST = Pattern.compile("^(?i)https?://([^/:?#]+)");
    private static final Pattern LANGUAGE = Pattern.compile("^\\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\\s*$");

    private MetadataExtractor() {
    }

    /** Extracts metadata from {@code doc}; {@code url} (may be null) helps resolve links and dates. */
    public static PageMetadata extract(Document doc, String url) {
        return extract(doc, PageIndex.of(doc), url);
    }

    /** As {@link #extract(Document, String)}, reusing the index gathered by {@code walk}. */
    public static PageMetadata extract(Document doc, PageWalk walk, String url) {
        return extract(doc, walk.index(), url);
    }

    private static PageMetadata extract(Document doc, PageIndex index, String url) {
        MetaTags meta = MetaTags.of(index);
        JsonLdArticle ld = JsonLdReader.read(index);
        String site = TitleFinder.firstNonBlank(meta.first("og:site_name"), ld.publisher(),
                meta.first("application-name", "al:android:app_name", "al:ios:app_name"));
        String canonical = TitleFinder.firstNonBlank(link(doc, index, "canonical"), absolute(doc, meta.first("og:url")),
                absolute(doc, ld.url()));
        String image = TitleFinder.firstNonBlank(absolute(doc, meta.first("og:image", "og:image:url",
                "og:image:secure_url")), absolute(doc, ld.image()), absolute(doc, meta.first("twitter:image",
                "twitter:image:src")), link(doc, index, "image_src"));
        return new PageMetadata(
                TitleFinder.find(index.title, index.firstH1, meta, ld, site != null ? site : hostLabel(canonical != null ? canonical : url)),
                AuthorFinder.find(index, meta, ld, site, hostLabel(canonical != null ? canonical : url)),
                DateFinder.published(index, meta, ld, url != null ? url : canonical),
                DateFinder.modified(index, meta, ld),
                language(doc, meta, ld),
                canonical,
                site,
                image,
                TitleFinder.firstNonBlank(meta.first("article:section", "section", "parsely-section",
                        "sailthru.section"), ld.section()),
                TitleFinder.firstNonBlank(meta.first("og:description"), meta.first("description"), ld.description(),
                        meta.first("twitter:description")),
                keywords(meta, ld),
                ld.articleBody());
    }

    /** The registered-name label of a URL's host ("nytimes" for www.nytimes.com), or null. */
    static String hostLabel(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = HOST.matcher(url);
        if (!m.find()) {
            return null;
        }
        String[] labels = m.group(1).toLowerCase(Locale.ROOT).split("\\.");
        int i = labels.length - 2;
        if (i > 0 && labels[i].length() <= 3 && labels[labels.length - 1].length() == 2) {
            i--; // second-level public suffixes such as co.uk or com.br
        }
        return i >= 0 ? labels[i] : null;
    }

    private static String link(Document doc, PageIndex index, String rel) {
        for (Element e : index.links) {
            if (e.attr("rel").trim().equalsIgnoreCase(rel) && e.hasAttr("href")) {
                return absolute(doc, e.attr("href"));
            }
        }
        return null;
    }

    private static String absolute(Document doc, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String h = href.trim();
        if (h.startsWith("//")) {
            return "https:" + h;
        }
        if (h.regionMatches(true, 0, "http://", 0, 7) || h.regionMatches(true, 0, "https://", 0, 8)) {
            return h;
        }
        String base = doc.location();
        if (base == null || base.isEmpty()) {
            return null;
        }
        try {
            return java.net.URI.create(base).resolve(h.replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String language(Document doc, MetaTags meta, JsonLdArticle ld) {
        Element html = doc.firstElementChild();
        String[] hints = {html == null ? null : html.attr("lang"), html == null ? null : html.attr("xml:lang"),
            meta.first("content-language", "language", "dc.language"), meta.first("og:locale"), ld.language()};
        for (String hint : hints) {
            if (hint == null) {
                continue;
            }
            Matcher m = LANGUAGE.matcher(hint.split(",")[0]);
            if (m.matches()) {
                return m.group(1).toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static List<String> keywords(MetaTags meta, JsonLdArticle ld) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : meta.all("news_keywords", "keywords", "article:tag")) {
            for (String k : raw.split(",")) {
                add(out, k);
            }
        }
        if (out.isEmpty()) {
            ld.keywords().forEach(k -> add(out, k));
        }
        return List.copyOf(out.values());
    }

    private static void add(Map<String, String> out, String keyword) {
        String k = keyword.trim();
        if (!k.isEmpty() && k.length() < 100) {
            out.putIfAbsent(k.toLowerCase(Locale.ROOT), k);
        }
    }
}
