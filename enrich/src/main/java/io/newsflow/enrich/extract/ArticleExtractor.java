package io.newsflow.enrich.extract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Interim extractor (replaced by the extraction library). */
public final class ArticleExtractor {

    /** Extracts an article from page bytes. */
    public ExtractedArticle extract(byte[] body, String url, String contentType) {
        Document doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), url == null ? "" : url);
        doc.select("script,style,nav,footer,header,aside").remove();
        String text = String.join("\n\n", doc.select("p").eachText());
        return new ExtractedArticle(text, doc.title(), List.of(), null, null, null, null, null, null, null,
                null, List.of(), "UTF-8", text.isEmpty() ? "no-article-content" : null);
    }
}
