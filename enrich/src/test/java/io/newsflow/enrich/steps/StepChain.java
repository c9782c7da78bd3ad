package io.newsflow.enrich.steps;

import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The default step chain as the topology builds it ({@link Steps#resolve}, the same settings), run on one article
 * outside Kafka: the keywords store is an in-memory window store. Tests use it to push hostile pages through
 * every step.
 */
public final class StepChain {

    private final List<EnrichmentStep> steps = new ArrayList<>();

    /** The default chain with these {@code enrich.*} settings (prefix removed). */
    public StepChain(Map<String, String> settings) {
        StepSettings s = new StepSettings(settings);
        WindowStore<String, Long> store = Stores.windowStoreBuilder(
                        Stores.inMemoryWindowStore(KeywordsStep.STORE, Duration.ofDays(8), Duration.ofDays(1), false),
                        Serdes.String(), Serdes.Long())
                .withLoggingDisabled().build();
        MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        for (StepProvider provider : Steps.resolve(Steps.DEFAULT_CHAIN)) {
            steps.add(provider.create(s, new StepProvider.StoreLookup() {
                @Override
                @SuppressWarnings("unchecked")
                public <S extends StateStore> S store(String name) {
                    return (S) store;
                }
            }));
        }
    }

    /** The default chain with default settings. */
    public StepChain() {
        this(Map.of());
    }

    /** Runs every step on a page, as the enrich processor does, and returns the draft. */
    public ArticleDraft run(byte[] page, String contentType) {
        return run(page, contentType, null, null);
    }

    /** Runs every step after extraction on this title and text, as if extraction had found them. */
    public ArticleDraft runOnText(String title, String text) {
        return run(new byte[0], "text/html", title, text);
    }

    private ArticleDraft run(byte[] page, String contentType, String title, String text) {
        RawArticle raw = RawArticle.newBuilder().setId("a1").setUrl("https://gazette.test/news/a1")
                .setFetchedAt(Instant.parse("2024-05-06T07:08:09Z")).setHttpStatus(200)
                .setContentType(contentType).setBody(ByteBuffer.wrap(page))
                .setSource(new Source(SourceKind.FILE, "a1.html")).build();
        ArticleDraft draft = ArticleDraft.start(raw, "test");
        EnrichedArticle.Builder out = draft.out();
        for (EnrichmentStep step : steps) {
            if (text != null && step.required()) {
                out.setText(text).setTitle(title); // extraction is replaced by the given title and text
            } else {
                step.apply(draft);
            }
        }
        out.getProcessing().setWarnings(draft.warnings());
        return draft;
    }
}
