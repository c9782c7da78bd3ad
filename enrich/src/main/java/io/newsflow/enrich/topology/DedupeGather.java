package io.newsflow.enrich.topology;

import io.newsflow.enrich.dedupe.MinHash;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.deadletter.DeadLetters;
import io.newsflow.schemas.topics.Topics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Last stage of {@link DedupeStage}, keyed by article id: collects an article and the answers of
 * its bands (they arrive in any order, from other partitions), then sets {@code duplicateOf} to
 * the best match, the revision (same id, new text: next revision), and publishes. A failure of any
 * stage becomes a dead letter here and a warning on the article, which is always published.
 */
final class DedupeGather implements Processor<String, DedupeMessage, String, Outcome> {

    /** Key prefix of an article's tally of answers. */
    private static final String STATE = "s|";
    /** Key prefix of the waiting article's bytes. */
    private static final String ARTICLE = "a|";

    private final Topics topics;
    private final Duration retention;
    private ProcessorContext<String, Outcome> context;
    private Deserializer<EnrichedArticle> deserializer;
    private KeyValueStore<String, byte[]> pending;
    private WindowStore<String, String> signatures;

    DedupeGather(Topics topics, Duration retention) {
        this.topics = topics;
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, Outcome> context) {
        this.context = context;
        this.deserializer = topics.enriched().valueSerde().deserializer();
        this.pending = context.getStateStore(DedupeStage.PENDING);
        this.signatures = context.getStateStore(DedupeStage.SIGNATURES);
    }

    @Override
    public void process(Record<String, DedupeMessage> record) {
        String id = record.key();
        String key;
        Waiting w;
        byte[] article = null;
        switch (record.value()) {
            case DedupeMessage.Article a when a.expected() == DedupeScatter.UNMARKED -> {
                publish(record, deserializer.deserialize(topics.enriched().name(), a.article()));
                return;
            }
            case DedupeMessage.Article a -> {
                key = id + "|" + a.round();
                w = Waiting.read(pending.get(STATE + key)).withArticle(a, record.timestamp());
                article = a.article();
            }
            case DedupeMessage.Answer a -> {
                key = id + "|" + a.round();
                w = Waiting.read(pending.get(STATE + key)).withAnswer(a);
            }
            case DedupeMessage.Probe p -> {
                return; // probes go to the band search, never here (see DedupeStage)
            }
        }
        if (!w.hasArticle() || w.answers() < w.expected()) {
            // The article is stored once, apart from the small tally each answer rewrites; with the
            // store's cache, an article completed within one commit interval costs the changelog
            // little more than the tombstones.
            pending.put(STATE + key, w.bytes());
            if (article != null) {
                pending.put(ARTICLE + key, article);
            }
            return;
        }
        if (article == null) {
            article = pending.get(ARTICLE + key);
            pending.delete(ARTICLE + key);
        }
        pending.delete(STATE + key);
        finish(record, w, article);
    }

    private void finish(Record<String, DedupeMessage> record, Waiting w, byte[] bytes) {
        EnrichedArticle article = deserializer.deserialize(topics.enriched().name(), bytes);
        List<String> errors = new ArrayList<>(w.errors());
        try {
            setRevision(article, w.timestamp());
            if (w.match() != null) {
                article.setDuplicateOf(w.match());
                article.setDuplicateScore(Math.round(w.similarity() * 1000) / 1000.0);
            }
            if (errors.isEmpty()) {
                article.getProcessing().setSteps(append(article.getProcessing().getSteps(), "dedupe"));
            }
        } catch (RuntimeException e) {
            errors.add("dedupe failed: " + e);
        }
        for (String error : errors) {
            // The enriched value is not kept: the raw record it came from is what a replay needs.
            DeadLetters.Letter letter = DeadLetters.forRecord("enrich.dedupe", error, null, context.recordMetadata(),
                    article.getId(), null, null, article.getId(), article.getUrl());
            context.forward(record.withKey(article.getId()).withValue((Outcome) new Outcome.Failed(letter.value()))
                    .withHeaders(letter.headers()).withTimestamp(w.timestamp()));
        }
        if (!errors.isEmpty()) {
            article.getProcessing().setWarnings(append(article.getProcessing().getWarnings(),
                    "dedupe failed (" + errors.get(0) + "); see " + topics.deadLetters().name()));
        }
        publish(record.withTimestamp(w.timestamp()), article);
    }

    private void publish(Record<String, DedupeMessage> record, EnrichedArticle article) {
        context.forward(record.withKey(article.getId()).withValue((Outcome) new Outcome.Enriched(article))
                .withHeaders(new RecordHeaders()));
    }

    private void setRevision(EnrichedArticle article, long timestamp) {
        String id = article.getId();
        String hash = MinHash.contentHash(article.getText());
        String latest = null;
        try (WindowStoreIterator<String> it = signatures.fetch(id, Instant.ofEpochMilli(timestamp - retention.toMillis()),
                Instant.ofEpochMilli(Long.MAX_VALUE / 2))) {
            while (it.hasNext()) {
                latest = it.next().value;
            }
        }
        // "revision|hash" (earlier versions appended the signature: ignored).
        String[] parts = latest == null ? null : latest.split("\\|", 3);
        boolean changed = parts == null || !parts[1].equals(hash);
        int revision = parts == null ? 1 : Integer.parseInt(parts[0]) + (changed ? 1 : 0);
        article.setRevision(revision);
        if (changed) {
            signatures.put(id, revision + "|" + hash, timestamp);
        }
    }

    private static List<String> append(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(item);
        return out;
    }

    /** The tally of an article: whether it has arrived, and the answers gathered so far (either may come first). */
    private record Waiting(boolean hasArticle, long timestamp, int expected, int answers, String match,
                           double similarity, List<String> errors) {

        static Waiting read(byte[] bytes) {
            if (bytes == null) {
                return new Waiting(false, 0, Integer.MAX_VALUE, 0, null, 0, List.of());
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                boolean hasArticle = in.readBoolean();
                long timestamp = in.readLong();
                int expected = in.readInt();
                int answers = in.readInt();
                String match = in.readBoolean() ? in.readUTF() : null;
                double similarity = in.readDouble();
                List<String> errors = new ArrayList<>();
                for (int n = in.readInt(); n > 0; n--) {
                    errors.add(in.readUTF());
                }
                return new Waiting(hasArticle, timestamp, expected, answers, match, similarity, errors);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        byte[] bytes() {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                out.writeBoolean(hasArticle);
                out.writeLong(timestamp);
                out.writeInt(expected);
                out.writeInt(answers);
                out.writeBoolean(match != null);
                if (match != null) {
                    out.writeUTF(match);
                }
                out.writeDouble(similarity);
                out.writeInt(errors.size());
                for (String e : errors) {
                    out.writeUTF(e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return buffer.toByteArray();
        }

        Waiting withArticle(DedupeMessage.Article a, long at) {
            List<String> all = new ArrayList<>(errors);
            if (a.error() != null) {
                all.add(a.error());
            }
            return new Waiting(true, at, a.expected(), answers, match, similarity, all);
        }

        Waiting withAnswer(DedupeMessage.Answer a) {
            List<String> all = new ArrayList<>(errors);
            if (a.error() != null) {
                all.add(a.error());
            }
            boolean better = a.match() != null && a.similarity() > similarity;
            return new Waiting(hasArticle, timestamp, expected, answers + 1, better ? a.match() : match,
                    better ? a.similarity() : similarity, all);
        }
    }
}
