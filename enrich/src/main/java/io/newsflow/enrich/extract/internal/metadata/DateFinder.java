package io.newsflow.enrich.extract.internal.metadata;

import io.newsflow.enrich.extract.DatedValue;
import io.newsflow.enrich.extract.internal.walk.PageIndex;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Finds publication and modification times, trying sources from the most to the least reliable:
 * JSON-LD, meta tags, {@code <time>}/itemprop elements, the URL, then dateline text.
 */
final class DateFinder {

    private static final String[] PUBLISHED_META = {"article:published_time", "og:published_time",
        "og:article:published_time", "article:published", "datepublished", "pubdate", "publishdate",
        "publish-date", "publish_date", "publication_date", "article.published", "dc.date.issued",
        "dcterms.issued", "dcterms.created", "dc.date", "dcterms.date", "date", "sailthru.date",
        "parsely-pub-date", "originalpublicationdate", "article_date_original", "displaydate",
        "datecreated", "created"};
    private static final String[] MODIFIED_META = {"article:modified_time", "og:updated_time",
        "article:modified", "datemodified", "dcterms.modified", "last-modified", "lastmod",
        "article.updated", "dateupdated", "revised"};
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\\d|3[01])(?:[/_.-]|$)");

    private DateFinder() {
    }

    static DatedValue published(PageIndex index, MetaTags meta, JsonLdArticle ld, String url) {
        DatedValue v = preciser(of(ld.datePublished(), "json-ld"), of(meta.first(PUBLISHED_META), "meta"));
        if (v == null) {
            v = fromElements(index.publishedElements);
        }
        if (v == null) {
            v = fromUrl(url);
        }
        if (v == null) {
            v = fromText(index);
        }
        return v;
    }

    static DatedValue modified(PageIndex index, MetaTags meta, JsonLdArticle ld) {
        DatedValue v = preciser(of(ld.dateModified(), "json-ld"), of(meta.first(MODIFIED_META), "meta"));
        if (v == null) {
            v = fromElements(index.modifiedElements);
        }
        return v;
    }

    /**
     * The first value, unless it is a bare date (midnight UTC) and the second gives a time on the same day:
     * some pages put the full timestamp only in one of their sources.
     */
    private static DatedValue preciser(DatedValue first, DatedValue second) {
        if (first == null) {
            return second;
        }
        boolean bareDate = first.value().toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                && first.value().getOffset().equals(java.time.ZoneOffset.UTC);
        if (bareDate && second != null && second.value().toLocalDate().equals(first.value().toLocalDate())) {
            return second;
        }
        return first;
    }

    private static DatedValue of(String raw, String source) {
        OffsetDateTime d = DateParsing.parse(raw);
        return d == null ? null : new DatedValue(d, source);
    }

    private static DatedValue fromElements(List<Element> elements) {
        for (Element e : elements) {
            String raw = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
            DatedValue v = of(raw, "time-element");
            if (v == null && e.hasAttr("datetime")) {
                v = of(e.text(), "time-element");
            }
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static DatedValue fromUrl(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_DATE.matcher(url);
        if (!m.find()) {
            return null;
        }
        return of(m.group(1) + "-" + m.group(2) + "-" + m.group(3), "url");
    }

    private static DatedValue fromText(PageIndex index) {
        int seen = 0;
        for (Element e : index.dateTextElements) {
            String attr = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("value") ? e.attr("value") : e.attr("content");
            DatedValue fromAttr = of(attr, "time-element");
            if (fromAttr != null) {
                return fromAttr;
            }
            String text = e.text();
            if (text.length() > 120) {
                continue;
            }
            OffsetDateTime d = DateParsing.parseWords(text);
            if (d != null && d.getYear() >= 1990) {
                return new DatedValue(d, "text");
            }
            if (++seen > 20) {
                break;
            }
        }
        return null;
    }
}
