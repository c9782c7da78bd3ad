package io.newsflow.cli;

import io.newsflow.enrich.steps.ArticleDraft;
import io.newsflow.enrich.steps.EnrichmentStep;
import io.newsflow.enrich.steps.StepProvider;
import io.newsflow.enrich.steps.StepSettings;
import java.nio.charset.StandardCharsets;

/**
 * An enrichment step with a bug that only one kind of page triggers: it throws on every page that
 * carries {@link #MARKER}, however often the page is retried. Listed in {@code enrich.steps} by
 * the poison-record fault test; required, so such a page can only end as a dead letter.
 */
public final class PoisonPillStep implements StepProvider {

    /** Pages containing this text make the step throw. */
    public static final String MARKER = "NEWSFLOW-POISON-PILL";

    /** Used by the step loader. */
    public PoisonPillStep() {
    }

    @Override
    public String name() {
        return "poison-pill";
    }

    @Override
    public EnrichmentStep create(StepSettings settings, StoreLookup stores) {
        return new EnrichmentStep() {
            @Override
            public String name() {
                return "poison-pill";
            }

            @Override
            public boolean required() {
                return true;
            }

            @Override
            public void apply(ArticleDraft draft) {
                var body = draft.raw().getBody().duplicate();
                byte[] bytes = new byte[body.remaining()];
                body.get(bytes);
                if (new String(bytes, StandardCharsets.UTF_8).contains(MARKER)) {
                    throw new IllegalStateException("poison pill in " + draft.raw().getUrl());
                }
            }
        };
    }
}
