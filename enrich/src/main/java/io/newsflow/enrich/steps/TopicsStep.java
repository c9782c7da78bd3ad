package io.newsflow.enrich.steps;

import io.newsflow.enrich.topics.TopicClassifier;
import io.newsflow.schemas.avro.TopicTag;

/** Tags the article with IPTC Media Topics, using section, URL and publisher keywords as hints. */
public final class TopicsStep implements EnrichmentStep {

    /** Name in {@code enrich.steps}. */
    public static final String NAME = "topics";

    private final TopicClassifier classifier;
    private final int maxTopics;

    /** A step using this classifier, keeping the best {@code maxTopics}. */
    public TopicsStep(TopicClassifier classifier, int maxTopics) {
        this.classifier = classifier;
        this.maxTopics = maxTopics;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(ArticleDraft draft) {
        if (draft.text().isBlank()) {
            return;
        }
        var out = draft.out();
        String url = out.getCanonicalUrl() != null ? out.getCanonicalUrl() : out.getUrl();
        draft.out().setTopics(classifier.classify(draft.title(), draft.text(), url, out.getSection(),
                        out.getPublisherKeywords()).stream()
                .limit(maxTopics)
                .map(t -> new TopicTag(t.code(), t.label(), t.score()))
                .toList());
    }
}
