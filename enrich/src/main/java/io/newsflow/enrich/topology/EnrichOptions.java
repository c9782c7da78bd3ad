package io.newsflow.enrich.topology;

import io.newsflow.enrich.steps.StepProvider;
import io.newsflow.enrich.steps.StepSettings;
import io.newsflow.schemas.topics.Topics;
import java.util.List;
import java.util.Objects;

/**
 * Everything the enrichment topology is a function of.
 *
 * @param topics the topic registry (names and serdes)
 * @param steps the step providers, in the order steps run
 * @param settings settings handed to the steps
 * @param pipelineVersion written into {@code processing.pipelineVersion}
 */
public record EnrichOptions(Topics topics, List<StepProvider> steps, StepSettings settings, String pipelineVersion) {

    /** Validates and copies. */
    public EnrichOptions {
        Objects.requireNonNull(topics, "topics");
        steps = List.copyOf(steps);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(pipelineVersion, "pipelineVersion");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("at least one enrichment step is needed");
        }
    }
}
