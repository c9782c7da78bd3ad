package io.newsflow.publish.topology.internal;

import io.newsflow.publish.json.JsonProjection;
import io.newsflow.publish.rules.ArticleView;
import io.newsflow.publish.rules.Route;
import io.newsflow.publish.rules.Routes;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.serde.RegistryRetry;
import io.newsflow.schemas.serde.SerdeFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Sends an article to every route it matches: emits one {@link Routed} per matching route (none
 * when no route matches), or a {@code DeadLetter} (stage {@code publish.route}) when the article
 * cannot be written to a route (a JSON line over the record limit).
 */
public final class RouteArticles implements FixedKeyProcessor<String, EnrichedArticle, Object> {
    private final Routes routes;
    private final SerdeFactory serdes;
    private final int maxRecordBytes;
    private final RegistryRetry registryRetry;
    private final Map<String, Serializer<EnrichedArticle>> avro = new HashMap<>();
    private FixedKeyProcessorContext<String, Object> context;

    /** Routes by {@code routes}; Avro routes get serialisers from {@code serdes}. */
    public RouteArticles(Routes routes, SerdeFactory serdes, int maxRecordBytes, RegistryRetry registryRetry) {
        this.routes = routes;
        this.serdes = serdes;
        this.maxRecordBytes = maxRecordBytes;
        this.registryRetry = registryRetry;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Object> context) {
        this.context = context;
        for (Route r : routes.routes()) {
            if (r.format() == Route.Format.AVRO) {
                avro.put(r.topic(), serdes.avroValue(EnrichedArticle.class, r.topic()).serializer());
            }
        }
    }

    @Override
    public void process(FixedKeyRecord<String, EnrichedArticle> record) {
        List<Route> matched = routes.matching(ArticleView.of(record.value()));
        if (matched.isEmpty()) {
            return;
        }
        byte[] json = null;
        for (Route route : matched) {
            try {
                byte[] bytes;
                if (route.format() == Route.Format.JSON) {
                    if (json == null) {
                        json = JsonProjection.toJsonLine(record.value()).getBytes(StandardCharsets.UTF_8);
                    }
                    if (json.length > maxRecordBytes) {
                        Project.fail(context, record, "publish.route", "route '" + route.name() + "': JSON of "
                                + json.length + " bytes is over the record limit of " + maxRecordBytes + " bytes", null);
                        continue;
                    }
                    bytes = json;
                } else {
                    Serializer<EnrichedArticle> serializer = avro.get(route.topic());
                    bytes = registryRetry.call(() -> serializer.serialize(route.topic(), record.value()),
                            context.taskId());
                }
                context.forward(record.withValue((Object) new Routed(route.topic(), bytes)));
            } catch (TaskCorruptedException e) {
                throw e;
            } catch (RuntimeException e) {
                Project.fail(context, record, "publish.route", "route '" + route.name() + "': cannot write article: "
                        + e, e);
            }
        }
    }
}
