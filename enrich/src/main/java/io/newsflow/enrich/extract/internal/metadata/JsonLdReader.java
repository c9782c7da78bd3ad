package io.newsflow.enrich.extract.internal.metadata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsflow.enrich.extract.internal.walk.PageIndex;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds the Article-like node among a page's JSON-LD blocks (through {@code @graph} and arrays)
 * and reads the fields the extractor needs. Broken JSON is skipped, never fatal.
 */
final class JsonLdReader {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
            "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
            "backgroundnewsarticle", "liveblogposting", "scholarlyarticle", "techarticle", "report",
            "socialmediaposting", "posting", "review");
    private static final int MAX_NODES = 2000;

    private JsonLdReader() {
    }

    static JsonLdArticle read(PageIndex index) {
        List<JsonNode> candidates = new ArrayList<>();
        for (Element script : index.jsonLd) {
            JsonNode root = parse(script.data());
            if (root != null) {
                collect(root, candidates, new int[] {0});
            }
        }
        JsonNode best = null;
        for (JsonNode n : candidates) {
            if (best == null || rank(n) > rank(best)) {
                best = n;
            }
        }
        return best == null ? JsonLdArticle.NONE : toArticle(best);
    }

    private static JsonNode parse(String json) {
        try (JsonParser p = MAPPER.createParser(json.trim())) {
            return MAPPER.readTree(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out, int[] budget) {
        if (node == null || ++budget[0] > MAX_NODES) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out, budget));
        } else if (node.isObject()) {
            if (isArticle(node)) {
                out.add(node);
            }
            collect(node.get("@graph"), out, budget);
            JsonNode main = node.get("mainEntity");
            if (main != null && main.isObject()) {
                collect(main, out, budget);
            }
        }
    }

    private static boolean isArticle(JsonNode node) {
        for (String type : JsonLdValues.strings(node.get("@type"))) {
            // Types may be written as IRIs: "https://schema.org/NewsArticle" or "schema:NewsArticle".
            String local = type.substring(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1);
            if (ARTICLE_TYPES.contains(local.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Prefer nodes that carry the most of what a news article has. */
    private static int rank(JsonNode n) {
        int r = 0;
        for (String f : new String[] {"headline", "datePublished", "author", "articleBody"}) {
            if (n.hasNonNull(f)) {
                r++;
            }
        }
        return r;
    }

    private static JsonLdArticle toArticle(JsonNode n) {
        String headline = JsonLdValues.text(n.get("headline"));
        if (headline == null) {
            headline = JsonLdValues.text(n.get("name"));
        }
        String url = JsonLdValues.text(n.get("url"));
        if (url == null) {
            url = JsonLdValues.idOf(n.get("mainEntityOfPage"));
        }
        List<String> people = JsonLdValues.people(n.get("author"));
        List<String> authors = people.isEmpty() ? JsonLdValues.names(n.get("author")) : people;
        return new JsonLdArticle(headline, authors, !people.isEmpty(),
                JsonLdValues.text(n.get("datePublished")), JsonLdValues.text(n.get("dateModified")),
                JsonLdValues.url(n.get("image")), JsonLdValues.firstName(n.get("publisher")),
                JsonLdValues.text(n.get("articleSection")), JsonLdValues.keywords(n.get("keywords")),
                JsonLdValues.text(n.get("description")), JsonLdValues.text(n.get("inLanguage")), url,
                JsonLdValues.text(n.get("articleBody")));
    }
}
