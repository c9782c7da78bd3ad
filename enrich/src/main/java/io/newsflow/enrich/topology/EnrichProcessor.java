package io.newsflow.enrich.topology;

import io.newsflow.enrich.steps.ArticleDraft;
import io.newsflow.enrich.steps.EnrichmentStep;
import io.newsflow.enrich.steps.StepProvider;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetterCounter;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.serde.RegistryRetry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decodes one raw record and runs the configured steps on it. Every failure (undecodable bytes, an
 * invalid id or URL, a step that throws) becomes a dead letter: logged once, never dropped. A record
 * that cannot be decoded only because the registry is away waits instead (see {@link RegistryRetry}).
 */
final class EnrichProcessor implements Processor<String, byte[], String, Outcome> {

    /** Below the 60 s transaction timeout of the defaults, so a wait never outlives its transaction. */
    private static final long DEFAULT_REGISTRY_WAIT_SECONDS = 30;

    private final EnrichOptions options;
    private final List<String> storeNames;
    private ProcessorContext<String, Outcome> context;
    private Deserializer<RawArticle> deserializer;
    private List<EnrichmentStep> steps;
    private RegistryRetry registryRetry;
    private Sensor rekeyed;

    EnrichProcessor(EnrichOptions options, List<String> storeNames) {
        this.options = options;
        this.storeNames = storeNames;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.deserializer = options.topics().raw().valueSerde().deserializer();
        this.rekeyed = context.metrics().addRateTotalSensor(DeadLetterCounter.SCOPE, "enrich", "rekeyed",
                Sensor.RecordingLevel.INFO);
        this.registryRetry = new RegistryRetry(Duration.ofSeconds(
                options.settings().getLong("registry-wait-seconds", DEFAULT_REGISTRY_WAIT_SECONDS)));
        StepProvider.StoreLookup lookup = new StepProvider.StoreLookup() {
            @Override
            public <S extends StateStore> S store(String name) {
                if (!storeNames.contains(name)) {
                    throw new IllegalArgumentException("store " + name + " is not declared by any step");
                }
                return context.getStateStore(name);
            }

            @Override
            public void schedule(Duration interval, Runnable action) {
                context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> action.run());
            }
        };
        List<EnrichmentStep> created = new ArrayList<>();
        for (StepProvider provider : options.steps()) {
            created.add(provider.create(options.settings(), lookup));
        }
        this.steps = List.copyOf(created);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RawArticle raw;
        try {
            raw = registryRetry.call(() -> deserializer.deserialize(options.topics().raw().name(), record.value()),
                    context.taskId());
        } catch (TaskCorruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            fail(record, "enrich.deserialize", e instanceof SerializationException ? e.getMessage()
                    : "cannot decode RawArticle: " + e, e, null, null);
            return;
        }
        if (raw == null) {
            fail(record, "enrich.deserialize", "null value (tombstone) on the raw topic", null, null, null);
            return;
        }
        String invalid = RawArticleChecks.problem(raw);
        if (invalid != null) {
            fail(record, "enrich.validate", invalid, null, null, null);
            return;
        }
        ArticleDraft draft = ArticleDraft.start(raw, options.pipelineVersion());
        EnrichedArticle.Builder out = draft.out();
        if (!raw.getId().equals(record.key())) {
            // Kept, not refused: the output is keyed by the id, so downstream topics stay co-partitioned;
            // the producer is told through the warning and the enrich-rekeyed-total metric.
            rekeyed.record();
            draft.warn("record key " + (record.key() == null ? "was null" : "did not match the article id")
                    + "; the article is keyed by its id (key raw records by their id: see README, Keys)");
        }
        List<String> applied = new ArrayList<>();
        for (EnrichmentStep step : steps) {
            try {
                step.apply(draft);
                applied.add(step.name());
            } catch (RuntimeException | StackOverflowError e) {
                // A stack overflow is one article's pathological input (deep nesting, a long chain),
                // not a broken JVM: it costs that step's output, not the stream thread.
                fail(record, "enrich." + step.name(), "step '" + step.name() + "' failed: " + e, e,
                        raw.getId(), raw.getUrl());
                if (step.required()) {
                    return;
                }
                draft.warn("step '" + step.name() + "' failed (" + e.getClass().getSimpleName()
                        + "); its fields are missing; see " + options.topics().deadLetters().name());
            }
        }
        out.getProcessing().setSteps(applied);
        out.getProcessing().setWarnings(draft.warnings());
        out.getProcessing().setEnrichedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()));
        // Output is keyed by the article id even if a producer keyed the raw record otherwise, and
        // carries none of the input's headers: a producer's header must not steer readers downstream.
        context.forward(record.withKey(raw.getId()).withValue((Outcome) new Outcome.Enriched(out.build()))
                .withHeaders(new RecordHeaders()));
    }

    private void fail(Record<String, byte[]> record, String stage, String reason, Throwable error,
                      String articleId, String url) {
        DeadLetters.Letter letter = DeadLetters.forRecord(stage, reason, error, context.recordMetadata(),
                record.key(), record.value(), record.headers(), articleId, url);
        context.forward(record.withValue((Outcome) new Outcome.Failed(letter.value())).withHeaders(letter.headers()));
    }
}
