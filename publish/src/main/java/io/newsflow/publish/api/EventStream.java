package io.newsflow.publish.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.newsflow.publish.rules.ArticleView;
import io.newsflow.publish.rules.Filters;
import io.newsflow.publish.rules.Rule;
import io.newsflow.publish.rules.RulesException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /stream}: the JSON projection topic as server-sent events, filtered with the rule
 * language ({@link Filters}). Each connection reads the topic itself (read_committed, no consumer
 * group), so every client gets every matching article once, from the moment it connected. An
 * event's id is the position after it in every partition ({@code 0:15,1:22}): a client that
 * reconnects with {@code Last-Event-ID} resumes exactly there, from the topic. A comment line every
 * {@code heartbeat} keeps proxies from closing an idle connection.
 */
final class EventStream {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final Duration heartbeat;
    private final Semaphore slots;

    EventStream(Map<String, Object> kafka, String topic, Duration heartbeat, int maxClients) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.keySet().retainAll(ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "newsflow-publish-stream");
        this.consumerConfig = config;
        this.topic = topic;
        this.heartbeat = heartbeat;
        this.slots = new Semaphore(maxClients);
    }

    void handle(HttpExchange exchange) throws IOException {
        Map<String, List<String>> query = HttpResponses.query(exchange);
        String from = HttpResponses.param(query, "from", "now");
        query.remove("from");
        Rule rule;
        try {
            rule = Filters.parse(query);
        } catch (RulesException e) {
            HttpResponses.error(exchange, 400, e.getMessage());
            return;
        }
        if (!from.equals("now") && !from.equals("beginning")) {
            HttpResponses.error(exchange, 400, "from must be now or beginning, not '" + from + "'");
            return;
        }
        if (!slots.tryAcquire()) {
            HttpResponses.error(exchange, 503, "too many live streams open; try again later");
            return;
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            Map<Integer, Long> positions = start(consumer, exchange.getRequestHeaders().getFirst("Last-Event-ID"), from);
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                // Positions are fixed before this first line: anything produced after it arrives.
                write(out, ": connected at " + id(positions) + "\nretry: 2000\n\n");
                pump(consumer, positions, rule, out);
            }
        } catch (IOException e) {
            LOG.debug("live stream client went away: {}", e.toString());
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            // The service is stopping: end this stream; the client reconnects with its Last-Event-ID.
            Thread.currentThread().interrupt();
        } finally {
            slots.release();
        }
    }

    private void pump(KafkaConsumer<String, byte[]> consumer, Map<Integer, Long> positions, Rule rule,
                      OutputStream out) throws IOException {
        long lastWrite = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                positions.put(r.partition(), r.offset() + 1);
                JsonNode article;
                try {
                    article = HttpResponses.JSON.readTree(r.value());
                } catch (IOException e) {
                    continue; // Publish writes this topic; a line it cannot read back is not for the page.
                }
                if (rule.test(ArticleView.of(article))) {
                    write(out, "id: " + id(positions) + "\nevent: article\ndata: "
                            + new String(r.value(), StandardCharsets.UTF_8) + "\n\n");
                    lastWrite = System.nanoTime();
                }
            }
            if (System.nanoTime() - lastWrite > heartbeat.toNanos()) {
                write(out, ": heartbeat\n\n");
                lastWrite = System.nanoTime();
            }
        }
    }

    /** Assigns every partition and seeks: to the Last-Event-ID positions, the end, or the beginning. */
    private Map<Integer, Long> start(KafkaConsumer<String, byte[]> consumer, String lastEventId, String from) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        Map<Integer, Long> resume = parse(lastEventId);
        if (from.equals("beginning")) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        Map<Integer, Long> positions = new TreeMap<>();
        for (TopicPartition tp : partitions) {
            Long at = resume.get(tp.partition());
            if (at != null) {
                consumer.seek(tp, at);
            }
            positions.put(tp.partition(), consumer.position(tp, Duration.ofSeconds(10)));
        }
        return positions;
    }

    /** Parses {@code 0:15,1:22}; anything unreadable resumes nothing (the client gets new articles). */
    static Map<Integer, Long> parse(String id) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        if (id == null || id.isBlank()) {
            return out;
        }
        try {
            for (String part : id.trim().split(",")) {
                String[] po = part.split(":");
                out.put(Integer.parseInt(po[0].trim()), Long.parseLong(po[1].trim()));
            }
        } catch (RuntimeException e) {
            return new LinkedHashMap<>();
        }
        return out;
    }

    static String id(Map<Integer, Long> positions) {
        StringBuilder sb = new StringBuilder();
        positions.forEach((p, o) -> sb.append(sb.isEmpty() ? "" : ",").append(p).append(':').append(o));
        return sb.toString();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
