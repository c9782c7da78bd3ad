package io.newsflow.enrich.extract.internal.metadata;

import io.newsflow.enrich.extract.internal.walk.PageIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The page's {@code <meta>} values keyed by lower-cased name, property, itemprop or http-equiv,
 * keeping every value in document order since some keys (article:author, article:tag) repeat.
 */
final class MetaTags {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final Map<String, List<String>> values = new HashMap<>();

    private MetaTags() {
    }

    static MetaTags of(PageIndex index) {
        MetaTags tags = new MetaTags();
        for (Element meta : index.metas) {
            String content = meta.attr("content").trim();
            if (content.isEmpty()) {
                content = meta.attr("value").trim();
            }
            if (content.isEmpty()) {
                continue;
            }
            for (String attr : new String[] {"name", "property", "itemprop", "http-equiv"}) {
                String key = meta.attr(attr).trim().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    for (String k : key.indexOf(' ') < 0 ? new String[] {key} : WHITESPACE.split(key)) {
                        tags.values.computeIfAbsent(k, x -> new ArrayList<>(1)).add(content);
                    }
                }
            }
        }
        return tags;
    }

    /** First value of the first key present, or null. */
    String first(String... keys) {
        for (String key : keys) {
            List<String> v = values.get(key);
            if (v != null && !v.isEmpty()) {
                return v.get(0);
            }
        }
        return null;
    }

    /** Every value of every key given, in key order. */
    List<String> all(String... keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            out.addAll(values.getOrDefault(key, List.of()));
        }
        return out;
    }
}
