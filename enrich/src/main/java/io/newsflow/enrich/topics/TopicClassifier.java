package io.newsflow.enrich.topics;

import java.util.List;

/** Assigns IPTC Media Topics to an article. Implementations must be thread-safe. */
public interface TopicClassifier {

    /**
     * Returns the article's topics, best first; empty when nothing points anywhere.
     *
     * @param title the headline, or null
     * @param text the body text, or null
     * @param url the article URL (its path is a hint), or null
     * @param section the publisher's section name, or null
     * @param keywords publisher keywords, or null
     */
    List<Topic> classify(String title, String text, String url, String section, List<String> keywords);
}
