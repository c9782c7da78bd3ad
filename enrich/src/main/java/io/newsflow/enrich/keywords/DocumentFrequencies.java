package io.newsflow.enrich.keywords;

/** Running document frequencies of terms over the recent stream, the "IDF" side of streaming TF-IDF. */
public interface DocumentFrequencies {

    /** Number of documents counted so far (in the current window). */
    long documents();

    /** Number of those documents that contain the term (as returned by {@link KeywordExtractor#terms}). */
    long frequency(String term);
}
