package io.newsflow.publish.topology;

/** The names of the publish topology's queryable state stores (used by the HTTP API). */
public final class PublishStores {

    /** Key-value: article id → latest {@code EnrichedArticle} (the table behind news.articles.latest.v1). */
    public static final String ARTICLES = "articles-latest";
    /** Window: {@code TYPE:name} → {@code Tally} of the hopping trending windows. */
    public static final String TRENDING_COUNTS = "trending-counts";
    /** Key-value: {@code TYPE:name} → {@code Baseline}, the trailing weight per window. */
    public static final String TRENDING_BASELINE = "trending-baseline";
    /** Window: article id → first time seen, so an article is counted once in trending. */
    public static final String TRENDING_SEEN = "trending-seen";

    private PublishStores() {
    }
}
