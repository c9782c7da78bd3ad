package io.newsflow.ingest.sources;

import io.newsflow.ingest.pipeline.Discovered;
import io.newsflow.ingest.produce.RawArticleSink;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** A {@link SourceContext} that records what a source did, over a sink writing to a {@link MockProducer}. */
final class RecordingContext implements SourceContext {

    final Topics topics = Topics.create(TopicNames.DEFAULTS, new PlainAvroSerdeFactory());
    final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final RawArticleSink sink = new RawArticleSink(producer, topics, RawArticleSink.DEFAULT_MAX_REQUEST_SIZE);
    final List<Discovered> discovered = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    long delivered;
    boolean stopping;

    @Override
    public void discovered(Discovered page) {
        discovered.add(page);
    }

    @Override
    public RawArticleSink sink() {
        return sink;
    }

    @Override
    public void delivered(long pages) {
        delivered += pages;
    }

    @Override
    public void failed(Source source, String reason) {
        failures.add(reason);
    }

    @Override
    public void say(String line) {
        lines.add(line);
    }

    @Override
    public void replayProgress(String what, long records, double share) {
        lines.add(what + " " + records);
    }

    @Override
    public boolean stopping() {
        return stopping;
    }

    /** The pages sent to the raw topic, in order. */
    List<RawArticle> raws() {
        return producer.history().stream().filter(r -> r.topic().equals(topics.raw().name()))
                .map(r -> topics.raw().valueSerde().deserializer().deserialize(r.topic(), r.value())).toList();
    }
}
