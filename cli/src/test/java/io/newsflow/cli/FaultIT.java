package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.embedded.EmbeddedStack;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.ids.ArticleIds;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults injected into a running pipeline on a real broker and a real registry process, every
 * record counted end to end, as Kafka's own system tests do: a numbered stream goes in, the fault
 * strikes mid-stream, the services recover by themselves, and every input id must come out on the
 * enriched or dead-letter topic exactly once (read_committed), and on the JSON projection when
 * enriched. Each test prints one line of figures ({@code fault=... recovery_ms=...}).
 */
class FaultIT {

    /** Articles per experiment; the soak variants raise it. */
    static final int RECORDS = Integer.getInteger("fault.records", 240);
    /** Pages in the WARC the ingest test replays. */
    static final int WARC_PAGES = Integer.getInteger("fault.warc-pages", 1500);
    static final Duration COMPLETE_TIMEOUT = Duration.ofMinutes(4);
    /** How long the registry stays stopped before its restart (which itself takes about 20 s). */
    static final Duration REGISTRY_DOWN = Duration.ofSeconds(Integer.getInteger("fault.registry-down-seconds", 12));

    static EmbeddedStack stack;
    static Path registryData;

    @BeforeAll
    static void start() throws IOException {
        registryData = Files.createTempDirectory("newsflow-fault-registry-");
        // Topics are created per experiment (FaultLane); the registry keeps its schemas on disk so
        // that it can be restarted without handing out new ids.
        stack = EmbeddedStack.start(Map.of(), 2, registryData);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (registryData != null) {
            try (var walk = Files.walk(registryData)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // Temporary data left behind is harmless.
            }
        }
    }

    @Test
    void brokerStoppedAndRestartedLosesAndDuplicatesNothing() {
        try (FaultLane lane = new FaultLane(stack, "broker-restart", 2)) {
            lane.startEnrich("enrich-1", Map.of());
            lane.startPublish(Map.of());
            lane.awaitRunning(Duration.ofSeconds(90));
            NumberedStream stream = new NumberedStream(lane, RECORDS);
            try (OutputCounter out = new OutputCounter(lane)) {
                int half = stream.size() / 2;
                stream.send(lane.clientConfig(), 0, half, Duration.ZERO);
                Waits.until("first enriched records", COMPLETE_TIMEOUT, () -> out.enrichedRecords() >= half / 4);
                // The rest goes in while the broker is away: the producer buffers and retries.
                Thread rest = stream.sendInBackground(lane.clientConfig(), half, stream.size(), Duration.ofMillis(5));
                stack.kafka().stop();
                Waits.sleep(Duration.ofSeconds(8));
                stack.kafka().restart();
                long faultEnd = System.nanoTime();
                join(rest);
                OutputCounter.Tally tally = out.awaitComplete(stream.ids(), COMPLETE_TIMEOUT);
                report(figures("broker-restart", out, tally, faultEnd));
                assertNothingLostNothingDuplicated(tally);
                assertThat(tally.deadLetters()).as("dead letters among good articles").isZero();
            }
        }
    }

    @Test
    void enrichKilledAbruptlyAndStartedAgainLosesAndDuplicatesNothing() {
        try (FaultLane lane = new FaultLane(stack, "enrich-kill", 2)) {
            lane.startPublish(Map.of());
            lane.awaitRunning(Duration.ofSeconds(90));
            NumberedStream stream = new NumberedStream(lane, RECORDS / 2);
            List<String> args = lane.serviceArgs("enrich", "enrich-1", Map.of());
            try (OutputCounter out = new OutputCounter(lane);
                 ChildJvm first = ChildJvm.start("enrich-1", args)) {
                stream.send(lane.clientConfig(), 0, stream.size(), Duration.ZERO);
                Waits.until("a third enriched by the first process", COMPLETE_TIMEOUT,
                        () -> out.enrichedRecords() >= stream.size() / 3 || !first.isAlive());
                assertThat(first.isAlive()).as("enrich process alive before the kill; log:%n%s", first.tail()).isTrue();
                first.kill();
                long faultEnd = System.nanoTime();
                // The same state directory: a restarted pod keeps its volume, hence its Streams
                // process id and transactional ids, and fences its predecessor's open transaction.
                try (ChildJvm second = ChildJvm.start("enrich-1-again", args)) {
                    OutputCounter.Tally tally = out.awaitComplete(stream.ids(), COMPLETE_TIMEOUT);
                    report(figures("enrich-kill-restart", out, tally, faultEnd));
                    assertThat(second.isAlive()).as("second enrich process; log:%n%s", second.tail()).isTrue();
                    assertNothingLostNothingDuplicated(tally);
                    assertThat(tally.deadLetters()).as("dead letters among good articles").isZero();
                }
            }
        }
    }

    @Test
    void secondEnrichInstanceTakesOverTheTasksOfAKilledOne() {
        // An instance killed with a transaction open blocks read_committed readers of its output
        // partitions until the transaction times out: 60 s in enrich's defaults, 10 s here to
        // keep the test short (Kafka Streams' own default).
        Map<String, String> settings = Map.of("kafka.producer.transaction.timeout.ms", "10000");
        try (FaultLane lane = new FaultLane(stack, "enrich-takeover", 2)) {
            lane.startPublish(Map.of());
            KafkaStreams local = lane.startEnrich("enrich-local", settings);
            lane.awaitRunning(Duration.ofSeconds(90));
            NumberedStream stream = new NumberedStream(lane, RECORDS);
            try (OutputCounter out = new OutputCounter(lane);
                 ChildJvm child = ChildJvm.start("enrich-child", lane.serviceArgs("enrich", "enrich-child", settings));
                 Admin admin = Admin.create(lane.clientConfig())) {
                Waits.until("both enrich instances holding tasks", COMPLETE_TIMEOUT,
                        () -> membersWithPartitions(admin, "fault-enrich-takeover-enrich") == 2);
                Thread sender = stream.sendInBackground(lane.clientConfig(), 0, stream.size(), Duration.ofMillis(10));
                Waits.until("a third enriched", COMPLETE_TIMEOUT, () -> out.enrichedRecords() >= stream.size() / 3);
                child.kill();
                long killed = System.nanoTime();
                Waits.until("the surviving instance holding every task", COMPLETE_TIMEOUT,
                        () -> activeTasks(local) == ENRICH_TASKS);
                long tookOver = System.nanoTime();
                join(sender);
                OutputCounter.Tally tally = out.awaitComplete(stream.ids(), COMPLETE_TIMEOUT);
                long firstAfter = out.millisToFirstOutputAfter(tookOver);
                report(tally.line("enrich-kill-takeover",
                        firstAfter < 0 ? -1 : (tookOver - killed) / 1_000_000 + firstAfter)
                        + " drain_ms=" + out.millisToCompleteAfter(killed));
                assertNothingLostNothingDuplicated(tally);
                assertThat(tally.deadLetters()).as("dead letters among good articles").isZero();
            }
        }
    }

    @Test
    void registryAwayForHalfAMinuteMakesRecordsWaitNotDeadLetters() {
        try (FaultLane lane = new FaultLane(stack, "registry-outage", 2)) {
            lane.startEnrich("enrich-1", Map.of());
            lane.startPublish(Map.of());
            lane.awaitRunning(Duration.ofSeconds(90));
            NumberedStream stream = new NumberedStream(lane, RECORDS);
            try (OutputCounter out = new OutputCounter(lane)) {
                int half = stream.size() / 2;
                stream.send(lane.clientConfig(), 0, half, Duration.ZERO);
                Waits.until("first enriched records", COMPLETE_TIMEOUT, () -> out.enrichedRecords() >= half / 4);
                stack.registry().stop();
                long faultStart = System.nanoTime();
                boolean coldInstanceHeldTasks;
                Thread rest;
                try {
                    // The running instances have the schemas cached and may not notice; a second enrich
                    // instance started now (scaling out, or a pod moved) has none: the records of the
                    // partitions it takes over can only wait for the registry.
                    lane.startEnrich("enrich-2", Map.of());
                    rest = stream.sendInBackground(lane.clientConfig(), half, stream.size(), Duration.ofMillis(20));
                    try (Admin admin = Admin.create(lane.clientConfig())) {
                        // Usually the new instance soon holds tasks it cannot serve; its stream thread may
                        // also be between replacements (the repartition topic is decoded by Kafka Streams
                        // itself) or still warming up, so this is observed and reported, not required:
                        // what is required (nothing lost, doubled or dead-lettered) is asserted below.
                        coldInstanceHeldTasks = Waits.within(Duration.ofSeconds(60),
                                () -> membersWithPartitions(admin, "fault-registry-outage-enrich") == 2);
                    }
                    Waits.sleep(REGISTRY_DOWN);
                } finally {
                    // Back in any case, so that a failure here cannot take the registry from later tests.
                    stack.registry().restart();
                }
                long faultEnd = System.nanoTime();
                join(rest);
                OutputCounter.Tally tally = out.awaitComplete(stream.ids(), COMPLETE_TIMEOUT);
                report(figures("registry-outage", out, tally, faultEnd)
                        + " outage_ms=" + (faultEnd - faultStart) / 1_000_000
                        + " cold_instance_held_tasks=" + coldInstanceHeldTasks);
                assertNothingLostNothingDuplicated(tally);
                assertThat(tally.deadLetters()).as("articles dead-lettered because the registry was away").isZero();
            }
        }
    }

    @Test
    void poisonRecordsGoToDeadLettersInBoundedTimeAndDoNotStallTheirPartition() {
        Map<String, String> steps = Map.of("enrich.steps",
                "extract,language,entities,topics,keywords,summary," + PoisonPillStep.class.getName());
        try (FaultLane lane = new FaultLane(stack, "poison", 2)) {
            lane.startEnrich("enrich-1", steps);
            lane.startPublish(Map.of());
            lane.awaitRunning(Duration.ofSeconds(90));
            // Everything on partition 0: good records queue behind the poison ones.
            NumberedStream stream = new NumberedStream(lane, RECORDS / 2, 0);
            int at = stream.size() / 2;
            String raw = lane.names().raw();
            Map<String, String> poisons = new java.util.LinkedHashMap<>();
            poisons.put("poison-not-avro", "enrich.deserialize");
            poisons.put("poison-wrong-magic-byte", "enrich.deserialize");
            poisons.put("poison-unknown-schema-id", "enrich.deserialize");
            poisons.put("poison-step-throws", "enrich.poison-pill");
            stream.insert(at, new ProducerRecord<>(raw, 0, "poison-not-avro", "not avro at all".getBytes(StandardCharsets.UTF_8)));
            stream.insert(at, new ProducerRecord<>(raw, 0, "poison-wrong-magic-byte", new byte[] {7, 0, 0, 0, 1, 2, 3}));
            stream.insert(at, new ProducerRecord<>(raw, 0, "poison-unknown-schema-id", new byte[] {0, 0x7f, -1, -1, -1, 2, 4}));
            stream.insert(at, new ProducerRecord<>(raw, 0, "poison-step-throws", pill(lane)));
            try (OutputCounter out = new OutputCounter(lane)) {
                stream.send(lane.clientConfig(), 0, at, Duration.ZERO);
                long sent = System.nanoTime();
                stream.send(lane.clientConfig(), at, stream.size(), Duration.ZERO);
                OutputCounter.Tally tally = out.awaitComplete(stream.ids(), COMPLETE_TIMEOUT);
                report(figures("poison", out, tally, sent));
                assertNothingLostNothingDuplicated(tally);
                assertThat(tally.deadLetters()).as("dead letters: the poison records only").isEqualTo(poisons.size());
                poisons.forEach((key, stage) -> assertThat(out.deadLetterStage(key)).as("stage of %s", key).isEqualTo(stage));
                assertThat(tally.enriched()).as("every good record, those after the poison included")
                        .isEqualTo(stream.size() - poisons.size());
            }
        }
    }

    @Test
    void ingestKilledInTheMiddleOfAWarcAndRestartedEmitsEveryPageOnce() throws Exception {
        try (FaultLane lane = new FaultLane(stack, "ingest-kill", 2);
             Admin admin = Admin.create(lane.clientConfig())) {
            Path warc = Files.createTempDirectory("newsflow-fault-warc-").resolve("news.warc.gz");
            Set<String> ids = writeWarc(warc, WARC_PAGES);
            // A broker quota slows this producer down, so that the kill lands mid-replay.
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(
                    new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, "fault-ingest")),
                    List.of(new ClientQuotaAlteration.Op("producer_byte_rate", 400_000.0))))).all().get(30, TimeUnit.SECONDS);
            List<String> args = new java.util.ArrayList<>(List.of("ingest", "--warc", warc.toString()));
            lane.serviceConfig("ingest", "ingest", Map.of("kafka.client.id", "fault-ingest")).forEach((k, v) -> {
                if (!k.startsWith("kafka.") || k.equals("kafka.bootstrap.servers") || k.equals("kafka.client.id")) {
                    args.add("-D");
                    args.add(k + "=" + v);
                }
            });
            long killedAfter;
            try (ChildJvm first = ChildJvm.start("ingest-1", args)) {
                Waits.until("a fifth of the WARC on the raw topic", COMPLETE_TIMEOUT,
                        () -> rawRecords(admin, lane) >= WARC_PAGES / 5 || !first.isAlive());
                assertThat(first.isAlive()).as("ingest still replaying at the kill; log:%n%s", first.tail()).isTrue();
                first.kill();
                killedAfter = rawRecords(admin, lane);
            }
            // The second run goes at full speed.
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(
                    new ClientQuotaEntity(Map.of(ClientQuotaEntity.CLIENT_ID, "fault-ingest")),
                    List.of(new ClientQuotaAlteration.Op("producer_byte_rate", null))))).all().get(30, TimeUnit.SECONDS);
            long restarted = System.currentTimeMillis();
            try (ChildJvm second = ChildJvm.start("ingest-2", args)) {
                assertThat(second.awaitExit(COMPLETE_TIMEOUT)).as("second run's exit status; log:%n%s", second.tail())
                        .isZero();
            }
            Map<String, Integer> counts = new java.util.HashMap<>();
            long[] firstAfterRestart = {Long.MAX_VALUE};
            try (var consumer = OutputCounter.assignedFromStart(lane.clientConfig(), List.of(lane.names().raw()))) {
                long quietSince = System.nanoTime();
                long deadline = System.nanoTime() + COMPLETE_TIMEOUT.toNanos();
                while (System.nanoTime() < deadline && (!counts.keySet().containsAll(ids)
                        || System.nanoTime() - quietSince < 3_000_000_000L)) {
                    var records = consumer.poll(Duration.ofMillis(200));
                    if (!records.isEmpty()) {
                        quietSince = System.nanoTime();
                    }
                    for (var r : records) {
                        counts.merge(r.key(), 1, Integer::sum);
                        if (r.timestamp() >= restarted) {
                            firstAfterRestart[0] = Math.min(firstAfterRestart[0], r.timestamp());
                        }
                    }
                }
            }
            long duplicates = counts.values().stream().filter(n -> n > 1).count();
            long missing = ids.stream().filter(id -> !counts.containsKey(id)).count();
            report(String.format(java.util.Locale.ROOT,
                    "fault=ingest-kill inputs=%d raw=%d dlq=0 duplicates=%d missing=%d killed_after=%d recovery_ms=%d",
                    ids.size(), counts.size(), duplicates, missing, killedAfter,
                    firstAfterRestart[0] == Long.MAX_VALUE ? -1 : firstAfterRestart[0] - restarted));
            assertThat(killedAfter).as("pages on the topic when ingest was killed").isLessThan(ids.size());
            assertThat(counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("pages produced twice").isEmpty();
            assertThat(missing).as("pages never produced").isZero();
            assertThat(counts.keySet()).as("pages not from the WARC").isSubsetOf(ids);
        }
    }

    /** Writes {@code pages} HTML responses built from the sample pages; returns their article ids. */
    private static Set<String> writeWarc(Path file, int pages) throws IOException {
        List<byte[]> bodies = NumberedStream.samplePages();
        Set<String> ids = new java.util.LinkedHashSet<>();
        java.time.Instant captured = java.time.Instant.parse("2024-03-01T10:00:00Z");
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            for (int n = 0; n < pages; n++) {
                String url = "https://archive.example/news/" + n;
                var http = new org.netpreserve.jwarc.HttpResponse.Builder(200, "OK")
                        .body(MediaType.parse("text/html; charset=utf-8"), bodies.get(n % bodies.size())).build();
                writer.write(new WarcResponse.Builder(java.net.URI.create(url)).date(captured.plusSeconds(n)).body(http).build());
                ids.add(ArticleIds.fromCanonicalUrl(url));
            }
        }
        return ids;
    }

    private static long rawRecords(Admin admin, FaultLane lane) {
        try {
            var partitions = admin.describeTopics(List.of(lane.names().raw())).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(lane.names().raw()).partitions().stream()
                    .collect(java.util.stream.Collectors.toMap(
                            p -> new org.apache.kafka.common.TopicPartition(lane.names().raw(), p.partition()),
                            p -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** A valid RawArticle whose page makes {@link PoisonPillStep} throw. */
    private static byte[] pill(FaultLane lane) {
        String page = "<html><body><article><p>" + PoisonPillStep.MARKER + " in an otherwise ordinary story "
                + "about a harbour bridge.</p></article></body></html>";
        RawArticle article = RawArticle.newBuilder().setId("poison-step-throws").setUrl("https://faults.example/poison")
                .setFetchedAt(java.time.Instant.now()).setHttpStatus(200).setContentType("text/html; charset=utf-8")
                .setBody(java.nio.ByteBuffer.wrap(page.getBytes(StandardCharsets.UTF_8)))
                .setSource(new Source(SourceKind.PRODUCER, "FaultIT")).build();
        return lane.topics().raw().valueSerde().serializer().serialize(lane.names().raw(), article);
    }

    private static int membersWithPartitions(Admin admin, String group) {
        try {
            var description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(10, TimeUnit.SECONDS);
            return (int) description.members().stream()
                    .filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Enrich on 2 partitions: 2 sub-topologies (steps with the band search; the dedupe gather), 2 tasks each. */
    private static final int ENRICH_TASKS = 4;

    private static int activeTasks(KafkaStreams app) {
        return app.metadataForLocalThreads().stream().mapToInt(t -> t.activeTasks().size()).sum();
    }

    /**
     * The figures of one experiment: counts, recovery (first output after the fault ended) and
     * drain time (until every input was out).
     */
    static String figures(String fault, OutputCounter out, OutputCounter.Tally tally, long faultEndNanos) {
        return tally.line(fault, out.millisToFirstOutputAfter(faultEndNanos))
                + " drain_ms=" + out.millisToCompleteAfter(faultEndNanos);
    }

    static void assertNothingLostNothingDuplicated(OutputCounter.Tally tally) {
        assertThat(tally.duplicated()).as("ids found twice on an output topic").isEmpty();
        assertThat(tally.missing()).as("input ids on neither the enriched nor the dead-letter topic").isZero();
        assertThat(tally.jsonMismatch()).as("ids on only one of the enriched and JSON topics").isZero();
        assertThat(tally.unknown()).as("output ids never sent").isZero();
    }

    static void join(Thread t) {
        try {
            t.join(COMPLETE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        assertThat(t.isAlive()).as("producer of the numbered stream still running").isFalse();
    }

    /** Prints the figures and appends them to target/fault-report.txt, where they can be quoted. */
    static void report(String line) {
        System.out.println(line);
        try {
            Files.writeString(Path.of("target", "fault-report.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("could not append to target/fault-report.txt: " + e);
        }
    }
}
