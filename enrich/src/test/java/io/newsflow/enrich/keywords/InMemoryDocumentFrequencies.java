package io.newsflow.enrich.keywords;

import java.util.HashMap;
import java.util.Map;

/** A test stand-in for the state-store backed document frequencies. */
public final class InMemoryDocumentFrequencies implements DocumentFrequencies {

    private final Map<String, Long> counts = new HashMap<>();
    private long documents;

    /** Counts one document's distinct terms. */
    public void add(Iterable<String> terms) {
        documents++;
        terms.forEach(t -> counts.merge(t, 1L, Long::sum));
    }

    @Override
    public long documents() {
        return documents;
    }

    @Override
    public long frequency(String term) {
        return counts.getOrDefault(term, 0L);
    }
}
