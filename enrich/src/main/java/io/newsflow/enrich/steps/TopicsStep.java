package io.newsflow.enrich.steps;

import io.newsflow.enrich.topics.TopicClassifier;
import io.newsflow.schemas.avro.TopicTag;

/** Tags the article with IPTC Media Topics, using section, URL and publisher keywords as hints. */
public final class TopicsStep implements EnrichmentStep {

    /** Name in {@code enrich.steps}. */
    public static final String NAME = "topics";

    /** Default of {@code enrich.topics.max-chars}. */
    static final int DEFAULT_MAX_CHARS = 100_000;

    private final TopicClassifier classifier;
    private final int maxTopics;
    private final int maxChars;

    /** A step using this classifier, keeping the best {@code maxTopics}. */
    public TopicsStep(TopicClassifier classifier, int maxTopics) {
        this(classifier, maxTopics, DEFAULT_MAX_CHARS);
    }

    /** A step that also reads at most {@code maxChars} characters of the text. */
    public TopicsStep(TopicClassifier classifier, int maxTopics, int maxChars) {
        this.classifier = classifier;
        this.maxTopics = maxTopics;
        this.maxChars = maxChars;
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
        draft.out().setTopics(classifier.classify(TextCap.prefix(draft.title(), EntitiesStep.MAX_TITLE_CHARS),
                        TextCap.text(draft, NAME, maxChars), url, out.getSection(),
                        out.getPublisherKeywords()).stream()
                .limit(maxTopics)
                .map(t -> new TopicTag(t.code(), t.label(), t.score()))
                .toList());
    }
}
