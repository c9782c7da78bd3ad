package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.embedded.EmbeddedStack;
import io.newsflow.enrich.service.EnrichService;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.streams.GroupExit;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich scales out: two instances of the application on a 6-partition raw topic share the work
 * (every stage, dedupe included, has tasks on both), one stopping hands its tasks to the other in
 * a rebalance, and every article comes out exactly once.
 */
class ScaleOutIT {

    private static final int PARTITIONS = 6;
    private static final int BEFORE = 150;
    private static final int AFTER = 150;

    @TempDir
    Path state;

    @Test
    void twoInstancesShareTheTasksAndAfterOneStopsEveryArticleIsOutExactlyOnce() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start(TopicNames.DEFAULTS.topicConfigs(), PARTITIONS)) {
            Topics topics = Topics.create(TopicNames.DEFAULTS, RegistrySerdeFactory.create(stack.registry().apiUrl(), Map.of()));
            List<KafkaStreams.State> firstStates = new CopyOnWriteArrayList<>();
            KafkaStreams first = instance(stack, "one");
            KafkaStreams second = instance(stack, "two");
            first.setStateListener((now, before) -> firstStates.add(now));
            // One task per partition of each sub-topology (enrich with band search; gather).
            int tasks = PARTITIONS * EnrichService.topology(config(stack, "count")).describe().subtopologies().size();
            try (first; second) {
                first.start();
                second.start();
                Waits.until("both instances have tasks, all assigned", Duration.ofSeconds(60),
                        () -> activeTasks(first) > 0 && activeTasks(second) > 0
                                && activeTasks(first) + activeTasks(second) == tasks
                                && first.state() == KafkaStreams.State.RUNNING
                                && second.state() == KafkaStreams.State.RUNNING);
                int firstShare = activeTasks(first);
                int secondShare = activeTasks(second);
                assertAThirdInstanceInTheFirstsStateDirectoryStopsWithOneLine(stack);

                produce(stack, topics, 0, BEFORE);
                Waits.until("half of the first batch out", Duration.ofSeconds(60), () -> committedIds(stack, topics).size() >= BEFORE / 2);
                firstStates.clear();
                long stopping = System.nanoTime();
                // As `bin/newsflow enrich` closes on Ctrl-C: a dynamic member leaves its group, so its
                // tasks move now rather than when the coordinator gives up on it (session timeout, 45 s).
                Map<String, Object> secondKafka = config(stack, "two").kafka();
                String group = secondKafka.get("application.id").toString();
                GroupExit.close(second, secondKafka);
                try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafka().bootstrapServers()))) {
                    Waits.until("the stopped instance out of the group, well before its session would time out",
                            Duration.ofSeconds(20), () -> groupMembers(admin, group) == first.metadataForLocalThreads().size());
                }
                produce(stack, topics, BEFORE, BEFORE + AFTER);
                Waits.until("all tasks on the remaining instance", Duration.ofSeconds(60), () -> activeTasks(first) == tasks
                        && first.state() == KafkaStreams.State.RUNNING);
                long handOver = (System.nanoTime() - stopping) / 1_000_000;
                assertThat(firstStates).as("the remaining instance rebalanced").contains(KafkaStreams.State.REBALANCING);

                Waits.until("every article out", Duration.ofSeconds(90), () -> committedIds(stack, topics).size() >= BEFORE + AFTER);
                List<String> ids = committedIds(stack, topics);
                assertThat(ids).hasSize(BEFORE + AFTER).doesNotHaveDuplicates();
                System.out.printf("scale-out: %d tasks: %d + %d, then %d on one %d ms after the other began to stop;"
                        + " %d articles out exactly once%n", tasks, firstShare, secondShare, activeTasks(first), handOver, ids.size());
            }
        }
    }

    /**
     * Instances on one machine need their own state directories (Kafka Streams locks one): a third
     * instance given the first one's stops at once with one line naming the setting, not a stack trace.
     */
    private void assertAThirdInstanceInTheFirstsStateDirectoryStopsWithOneLine(EmbeddedStack stack) {
        CliRun run = CliRun.newsflow(Duration.ofSeconds(60), "enrich", "-b", stack.kafka().bootstrapServers(),
                "-r", stack.registry().apiUrl(), "-D", "kafka.state.dir=" + state.resolve("one"), "-D", "enrich.steps=extract");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.startsWith("newsflow enrich"))).as(run.err()).singleElement().asString()
                .contains("cannot start", state.resolve("one").toString(), "kafka.state.dir");
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ");
    }

    private KafkaStreams instance(EmbeddedStack stack, String name) throws Exception {
        return EnrichService.create(config(stack, name));
    }

    private ServiceConfig config(EmbeddedStack stack, String name) throws java.io.IOException {
        Map<String, String> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", stack.kafka().bootstrapServers());
        settings.put("registry.url", stack.registry().apiUrl());
        settings.put("kafka.state.dir", Files.createDirectories(state.resolve(name)).toString());
        settings.put("kafka.commit.interval.ms", "100");
        settings.put("enrich.steps", "extract");
        return ServiceConfig.load(EnrichService.DEFAULTS, null, Map.of(), Map.of()).with(settings);
    }

    /** Members of the consumer group {@code group} (one per stream thread of each instance in it). */
    private static int groupMembers(Admin admin, String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot describe group " + group, e);
        }
    }

    private static int activeTasks(KafkaStreams app) {
        return app.metadataForLocalThreads().stream().mapToInt((ThreadMetadata t) -> t.activeTasks().size()).sum();
    }

    private static void produce(EmbeddedStack stack, Topics topics, int from, int to) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", stack.kafka().bootstrapServers()),
                topics.raw().keySerde().serializer(), topics.raw().valueSerde().serializer())) {
            for (int i = from; i < to; i++) {
                RawArticle raw = raw("scale-" + i, i);
                producer.send(new ProducerRecord<>(topics.raw().name(), raw.getId(), raw));
            }
            producer.flush();
        }
    }

    private static List<String> committedIds(EmbeddedStack stack, Topics topics) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = consumer.partitionsFor(topics.enriched().name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts);
            List<String> ids = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (parts.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> ids.add(r.key()));
            }
            return ids;
        }
    }

    private static RawArticle raw(String id, int n) {
        String page = "<html lang=\"en\"><head><title>Council report " + n + "</title></head><body><article><h1>Council report "
                + n + "</h1><p>The council of district " + n + " met on Monday and agreed a budget for schools, roads and "
                + "the library, the mayor said after a long debate about the cost of repairs.</p><p>Item " + n
                + " on the agenda was deferred to the next session in March, officials said.</p></article></body></html>";
        return RawArticle.newBuilder().setId(id).setUrl("https://council.test/" + id).setFetchedAt(Instant.now())
                .setBody(ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8))).setHeaders(Map.of())
                .setSource(new Source(SourceKind.FILE, "scale-out")).build();
    }
}
