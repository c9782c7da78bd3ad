package io.newsflow.publish.topology;

/** The names of the publish topology's queryable state stores (used by the HTTP API). */
public final class PublishStores {

    /** Key-value: article id → latest {@code EnrichedArticle} (the table behind news.articles.latest.v1). */
    public static final String ARTICLES = "articles-latest";
    /**
     * Window: {@code TYPE:name} → {@code Tally} of each trending pane (a tumbling window one advance
     * long); a hopping window is the sum of its panes ({@code Panes}).
     */
    public static final String TRENDING_PANES = "trending-panes";
    /** Key-value: {@code TYPE:name} → {@code Baseline}, the trailing weight per window. */
    public static final String TRENDING_BASELINE = "trending-baseline";
    /** Key-value, one key per task: the start of the last trending window closed and scored. */
    public static final String TRENDING_CLOSED = "trending-closed";
    /** Window: article id → first time seen, so an article is counted once in trending. */
    public static final String TRENDING_SEEN = "trending-seen";

    private PublishStores() {
    }
}
