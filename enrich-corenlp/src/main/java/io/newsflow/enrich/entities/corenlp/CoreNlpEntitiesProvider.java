package io.newsflow.enrich.entities.corenlp;

import io.newsflow.enrich.steps.EnrichmentStep;
import io.newsflow.enrich.steps.EntitiesStep;
import io.newsflow.enrich.steps.StepProvider;
import io.newsflow.enrich.steps.StepSettings;

/**
 * The entities step backed by Stanford CoreNLP's CRF recognizer. Use it instead of the default by
 * naming this class in {@code enrich.steps}, with this module's jar and CoreNLP on the classpath.
 */
public final class CoreNlpEntitiesProvider implements StepProvider {

    @Override
    public String name() {
        return "entities";
    }

    @Override
    public EnrichmentStep create(StepSettings settings, StoreLookup stores) {
        return new EntitiesStep(Holder.RECOGNIZER, settings.getInt("entities.max", 50));
    }

    /** The model takes seconds to load: once per JVM, on first use. */
    private static final class Holder {
        static final CoreNlpEntityRecognizer RECOGNIZER = CoreNlpEntityRecognizer.fromClasspath();
    }
}
