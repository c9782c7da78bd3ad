package io.newsflow.enrich.topology;

import io.newsflow.enrich.steps.ArticleDraft;
import io.newsflow.enrich.steps.EnrichmentStep;
import io.newsflow.enrich.steps.StepProvider;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Processing;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.deadletter.DeadLetters.Origin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one raw record and runs the configured steps on it. Every failure (undecodable bytes, a
 * step that throws, a record without id) becomes a dead letter: logged once, never dropped.
 */
final class EnrichProcessor implements Processor<String, byte[], String, Outcome> {

    private static final Logger LOG = LoggerFactory.getLogger(EnrichProcessor.class);

    private final EnrichOptions options;
    private final List<String> storeNames;
    private ProcessorContext<String, Outcome> context;
    private Deserializer<RawArticle> deserializer;
    private List<EnrichmentStep> steps;

    EnrichProcessor(EnrichOptions options, List<String> storeNames) {
        this.options = options;
        this.storeNames = storeNames;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.deserializer = options.topics().raw().valueSerde().deserializer();
        StepProvider.StoreLookup lookup = new StepProvider.StoreLookup() {
            @Override
            public <S extends StateStore> S store(String name) {
                if (!storeNames.contains(name)) {
                    throw new IllegalArgumentException("store " + name + " is not declared by any step");
                }
                return context.getStateStore(name);
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
            raw = deserializer.deserialize(options.topics().raw().name(), record.headers(), record.value());
        } catch (RuntimeException e) {
            fail(record, "enrich.deserialize", "cannot decode RawArticle: " + e.getMessage(), e, null, null);
            return;
        }
        if (raw == null) {
            fail(record, "enrich.deserialize", "null value (tombstone) on the raw topic", null, null, null);
            return;
        }
        EnrichedArticle.Builder out = start(raw);
        ArticleDraft draft = new ArticleDraft(raw, out);
        List<String> applied = new ArrayList<>();
        for (EnrichmentStep step : steps) {
            try {
                step.apply(draft);
                applied.add(step.name());
            } catch (RuntimeException e) {
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
        // Output is keyed by the article id even if a producer keyed the raw record otherwise.
        context.forward(record.withKey(raw.getId()).withValue(new Outcome.Enriched(out.build())));
    }

    private EnrichedArticle.Builder start(RawArticle raw) {
        return EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setUrl(raw.getUrl())
                .setText("")
                .setFetchedAt(raw.getFetchedAt())
                .setSource(raw.getSource())
                .setProcessing(Processing.newBuilder()
                        .setEnrichedAt(Instant.EPOCH)
                        .setPipelineVersion(options.pipelineVersion())
                        .build());
    }

    private void fail(Record<String, byte[]> record, String stage, String reason, Throwable error,
                      String articleId, String url) {
        Origin origin = Origin.of(context.recordMetadata());
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetters.of(stage, reason, error, origin, key, record.value(),
                articleId != null ? articleId : record.key(), url);
        LOG.warn("dead letter: stage={} topic={} partition={} offset={} key={} reason={}", stage,
                origin.topic(), origin.partition(), origin.offset(), record.key(), reason);
        Record<String, Outcome> out = record.withValue((Outcome) new Outcome.Failed(letter))
                .withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders(record.headers().toArray()));
        DeadLetters.addHeaders(out.headers(), letter);
        context.forward(out);
    }
}
