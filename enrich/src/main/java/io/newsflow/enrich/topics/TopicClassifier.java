package io.newsflow.enrich.topics;

import java.util.List;

/** Assigns topics. */
public interface TopicClassifier {
    /** Topics of an article, best first. */
    List<Topic> classify(String title, String text, String url, String section, List<String> keywords);
}
