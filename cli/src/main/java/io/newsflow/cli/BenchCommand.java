package io.newsflow.cli;

import io.newsflow.cli.bench.BenchCorpus;
import io.newsflow.cli.bench.BenchMeter;
import io.newsflow.cli.bench.PlainLoop;
import io.newsflow.cli.bench.StateBytes;
import io.newsflow.embedded.EmbeddedStack;
import io.newsflow.enrich.dedupe.NearDuplicateIndex;
import io.newsflow.enrich.service.EnrichService;
import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Measures the pipeline end to end: N raw articles built from real pages are produced, enrich and
 * publish (exactly-once) work through them, and a read_committed consumer timestamps each enriched
 * article as it becomes visible. Prints progress, the changelog bytes per article of every store,
 * and one summary line. With {@code --rate} the load is open-loop: article i is due at
 * {@code i / rate} seconds and its latency counts from then, so a stalled pipeline cannot hide
 * its queueing by slowing the producer (no coordinated omission).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark enrich + publish end to end (embedded Kafka + registry unless -b/-r): throughput, latency, CPU, heap, changelog bytes.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Parameters(arity = "0..*", description = "Pages, folders or WARC files the articles are built from (default: the samples folder).")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-n", "--articles"}, description = "Articles to produce (default ${DEFAULT-VALUE}).")
    int articles = 2000;

    @Option(names = "--rate", description = "Open-loop: produce this many articles per second (default: as fast as possible).")
    double rate;

    @Option(names = "--partitions", description = "Partitions per topic (default ${DEFAULT-VALUE}).")
    int partitions = 2;

    @Option(names = "--threads", description = "Stream threads of enrich (default ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--instances", description = "Enrich instances (separate Streams applications in this JVM, same application id, each with --threads threads; default ${DEFAULT-VALUE}).")
    int instances = 1;

    @Option(names = "--warmup", description = "Articles enriched before measuring, to load models and warm the JIT (default ${DEFAULT-VALUE}).")
    int warmup = 50;

    @Option(names = "--history-days", description = "Date the warm-up articles evenly over this many past days (fetch time and record time), so that the measured articles meet state stores as a service running that long has them: every time segment of the windowed stores in use (default ${DEFAULT-VALUE}: all dated now).")
    double historyDays;

    @Option(names = "--loop", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "After the pipeline, run the same steps on the same articles in a plain loop on as many threads, and print both (default: ${DEFAULT-VALUE}; --no-loop skips it).")
    boolean loop = true;

    @Option(names = "--latency-log", paramLabel = "FILE",
            description = "Write one line per measured article to FILE: when it was produced (ms after producing started) and its latency (ms), tab-separated, to see when the slow ones happened.")
    Path latencyLog;

    @Option(names = "--timeout", description = "Give up after this many seconds without a new enriched article (default ${DEFAULT-VALUE}).")
    int timeoutSeconds = 120;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        List<Path> roots = inputs.isEmpty() ? List.of(DemoCommand.Samples.folder()) : inputs;
        BenchCorpus corpus = BenchCorpus.load(roots);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<RawArticle> raw = new ArrayList<>(corpus.articles(articles, run));
        List<RawArticle> warm = new ArrayList<>(corpus.articles(warmup, run + "-warmup"));
        err.printf(Locale.ROOT, "bench: %d articles built from %d pages (%d paragraphs) of %s; %d cores, load %s%n",
                articles, corpus.pages(), corpus.paragraphs(), roots, Runtime.getRuntime().availableProcessors(),
                loadAverage());
        boolean embedded = connection.bootstrapServers == null && connection.registryUrl == null;
        Map<String, String> names = new HashMap<>();
        if (!embedded) {
            // A shared cluster: fresh topics and application ids, so that nothing of an earlier run counts.
            TopicNames d = TopicNames.DEFAULTS;
            for (var e : Map.of("topic.raw", d.raw(), "topic.enriched", d.enriched(), "topic.dlq", d.deadLetters(),
                    "topic.enriched-json", d.enrichedJson()).entrySet()) {
                names.put(e.getKey(), "bench-" + run + "." + e.getValue());
            }
        }
        ServiceConfig enrich = connection.load(EnrichService.DEFAULTS).with(names);
        ServiceConfig publish = connection.load(PublishService.DEFAULTS).with(names);
        TopicNames topicNames = TopicNames.fromConfig(enrich.asMap());
        try (EmbeddedStack stack = embedded ? EmbeddedStack.start(TopicNames.DEFAULTS.topicConfigs(), partitions) : null) {
            Path state = Files.createTempDirectory("newsflow-bench-");
            Map<String, String> common = new HashMap<>(Map.of("kafka.state.dir", state.toString()));
            if (stack != null) {
                common.put("kafka.bootstrap.servers", stack.kafka().bootstrapServers());
                common.put("registry.url", stack.registry().apiUrl());
            } else {
                createTopics(enrich, topicNames);
                common.put("kafka.application.id", enrich.get("kafka.application.id") + "-bench-" + run);
            }
            enrich = enrich.with(common).with(Map.of("kafka.num.stream.threads",
                    connection.overrides.getOrDefault("kafka.num.stream.threads", Integer.toString(threads)),
                    // The near-duplicate search on as many partitions as the topics (see DedupeStage).
                    "enrich.dedupe.partitions", connection.overrides.getOrDefault("enrich.dedupe.partitions",
                            Integer.toString(partitions))));
            if (stack == null) {
                common.put("kafka.application.id", publish.get("kafka.application.id") + "-bench-" + run);
            }
            // The bench needs no HTTP API, and its default port may be taken by a publish service running here.
            publish = publish.with(common).with(Map.of("publish.http.port", ""));
            // Built after the pipeline's articles are sent and gone: both sets at once would double the heap.
            Supplier<List<RawArticle>> loopArticles = () -> loop ? corpus.articles(articles, run + "-loop") : List.of();
            return measure(enrich, publish, topicNames, warm, raw, loopArticles, err);
        }
    }

    private int measure(ServiceConfig enrichConfig, ServiceConfig publishConfig, TopicNames topicNames,
                        List<RawArticle> warm, List<RawArticle> raw, Supplier<List<RawArticle>> loopArticles,
                        PrintStream err)
            throws Exception {
        String bootstrap = enrichConfig.get("kafka.bootstrap.servers");
        Topics topics = Topics.create(topicNames, RegistrySerdeFactory.create(enrichConfig.get("registry.url"),
                enrichConfig.asMap()));
        BenchMeter meter = new BenchMeter();
        AtomicInteger produced = new AtomicInteger();
        List<KafkaStreams> enrichApps = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            // Each instance its own state directory, as on separate machines.
            enrichApps.add(EnrichService.create(instances == 1 ? enrichConfig : enrichConfig.with(Map.of(
                    "kafka.state.dir", Path.of(enrichConfig.get("kafka.state.dir"), "instance-" + i).toString()))));
        }
        try (AutoCloseable closeEnrich = () -> enrichApps.forEach(a -> a.close(Duration.ofSeconds(30)));
             PublishService publishService = PublishService.create(publishConfig);
             KafkaConsumer<String, byte[]> consumer = committedReader(bootstrap, topicNames)) {
            KafkaStreams publish = publishService.streams();
            enrichApps.forEach(KafkaStreams::start);
            publish.start();
            List<KafkaStreams> all = new ArrayList<>(enrichApps);
            all.add(publish);
            awaitRunning(all);
            err.printf(Locale.ROOT, "bench: enrich (%s, %d instance(s) of %s stream threads, %s) and publish running; producing %s%n",
                    enrichConfig.get("enrich.steps"), instances, enrichConfig.get("kafka.num.stream.threads"),
                    enrichConfig.get("kafka.processing.guarantee"),
                    rate > 0 ? "at " + rate + " articles/s (open loop)" : "as fast as possible");
            warmUp(bootstrap, topics, topicNames, warm, consumer, err);
            for (int i = 0; i < enrichApps.size(); i++) {
                // Which tasks each stream thread runs: how the work was spread (sub-topology 0 holds the steps).
                err.printf(Locale.ROOT, "bench: enrich instance %d tasks by thread: %s%n", i + 1,
                        enrichApps.get(i).metadataForLocalThreads().stream()
                                .map(t -> t.activeTasks().stream().map(m -> m.taskId().toString()).sorted().toList())
                                .toList());
            }
            meter.start();
            PrintWriter latencies = latencyLog == null ? null
                    : new PrintWriter(Files.newBufferedWriter(latencyLog, StandardCharsets.UTF_8));
            // Offsets count from here, before the first produce: articles of two partitions arrive out of order.
            long producing = System.currentTimeMillis();
            Thread producer = Thread.ofPlatform().name("bench-producer").start(() ->
                    produce(bootstrap, topics, raw, produced, rate, false));
            int deadLetters = 0;
            long lastProgress = System.nanoTime();
            long lastNew = System.nanoTime();
            while (meter.count() < raw.size()
                    && System.nanoTime() - lastNew < Duration.ofSeconds(timeoutSeconds).toNanos()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.topic().equals(topicNames.enriched())) {
                        long latency = System.currentTimeMillis() - r.timestamp();
                        meter.enriched(latency);
                        if (latencies != null) {
                            latencies.printf(Locale.ROOT, "%d\t%d%n", r.timestamp() - producing, latency);
                        }
                        lastNew = System.nanoTime();
                    } else {
                        deadLetters++;
                    }
                }
                if (System.nanoTime() - lastProgress > 2_000_000_000L) {
                    lastProgress = System.nanoTime();
                    meter.sampleHeap();
                    err.printf(Locale.ROOT, "bench: produced %d, enriched %d (%.0f/s), dead letters %d%n",
                            produced.get(), meter.count(), meter.count() / meter.seconds(), deadLetters);
                }
            }
            if (meter.count() >= raw.size()) {
                meter.finish();
            }
            producer.join();
            if (latencies != null) {
                latencies.close();
            }
            err.printf(Locale.ROOT, "bench: enriched %d of %d in %.1f s, dead letters %d; load %s%n",
                    meter.count(), raw.size(), meter.seconds(), deadLetters, loadAverage());
            StateBytes.report(bootstrap, List.of(enrichConfig.get("kafka.application.id"),
                    publishConfig.get("kafka.application.id")), raw.size() + warm.size(), err); // warm-up articles wrote state too
            String jit = meter.jitLine();
            if (!jit.isEmpty()) {
                err.println(jit);
            }
            String summary = meter.summary();
            double pipeline = meter.count() / meter.seconds();
            closeEnrich.close();
            publish.close(Duration.ofSeconds(30));
            List<RawArticle> sameArticles = loopArticles.get();
            if (!sameArticles.isEmpty()) {
                int threads = instances * Integer.parseInt(enrichConfig.get("kafka.num.stream.threads"));
                PlainLoop.Result result = PlainLoop.run(() -> EnrichService.stepsOutsideKafka(enrichConfig), sameArticles,
                        threads, Double.parseDouble(enrichConfig.get("enrich.dedupe.threshold",
                                Double.toString(NearDuplicateIndex.DEFAULT_THRESHOLD))));
                err.println(result.line());
                err.printf(Locale.ROOT, "bench: pipeline / plain loop = %.1f / %.1f articles/s = %.0f%%%n",
                        pipeline, result.throughput(), 100 * pipeline / result.throughput());
            }
            System.out.println(summary);
        }
        return meter.count() >= raw.size() ? 0 : 1;
    }

    /** Loads the models and warms the JIT; the consumer is left past the warm-up articles. */
    private void warmUp(String bootstrap, Topics topics, TopicNames names, List<RawArticle> warm,
                        KafkaConsumer<String, byte[]> consumer, PrintStream err) {
        if (warm.isEmpty()) {
            return;
        }
        if (historyDays > 0) {
            dateOverPast(warm, Duration.ofMillis((long) (historyDays * Duration.ofDays(1).toMillis())));
        }
        produce(bootstrap, topics, warm, new AtomicInteger(), 0, historyDays > 0);
        int seen = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (seen < warm.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                seen += r.topic().equals(names.enriched()) ? 1 : 0;
            }
        }
        err.printf(Locale.ROOT, "bench: %d warm-up articles enriched (not measured)%n", seen);
    }

    /**
     * Spreads the articles' fetch times evenly over the {@code span} before now, oldest first, for {@link
     * #produce} to stamp each record with. Ten minutes short of now, so the last of them stays clear of
     * the measured articles.
     */
    private static void dateOverPast(List<RawArticle> warm, Duration span) {
        long end = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
        long start = end - span.toMillis();
        for (int i = 0; i < warm.size(); i++) {
            warm.get(i).setFetchedAt(Instant.ofEpochMilli(start + span.toMillis() * i / warm.size()));
        }
    }

    /** Sends the articles, at {@code perSecond} (open loop) or, when 0, as fast as possible; each record
     * stamped with its article's fetch time if {@code datedByFetch}. */
    private static void produce(String bootstrap, Topics topics, List<RawArticle> raw, AtomicInteger produced,
                                double perSecond, boolean datedByFetch) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, perSecond > 0 ? 0 : 20,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        try (var producer = new KafkaProducer<>(props, topics.raw().keySerde().serializer(),
                topics.raw().valueSerde().serializer())) {
            long start = System.currentTimeMillis();
            for (int i = 0; i < raw.size(); i++) {
                Long due = null;
                if (perSecond > 0) {
                    due = start + (long) (i * 1000 / perSecond);
                    long wait = due - System.currentTimeMillis();
                    if (wait > 0) {
                        Thread.sleep(wait);
                    }
                }
                RawArticle a = raw.set(i, null); // sent pages need not stay on the heap being measured
                // Null: stamped at send. Open loop: stamped when due, so waiting in the producer counts too.
                // Warm-up dated in the past (--history-days): stamped with its fetch time.
                Long stamp = datedByFetch ? Long.valueOf(a.getFetchedAt().toEpochMilli()) : due;
                producer.send(new ProducerRecord<>(topics.raw().name(), null, stamp, a.getId(), a));
                produced.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static KafkaConsumer<String, byte[]> committedReader(String bootstrap, TopicNames names) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (String topic : List.of(names.enriched(), names.deadLetters())) {
            consumer.partitionsFor(topic).forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        return consumer;
    }

    private void createTopics(ServiceConfig config, TopicNames names) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.get("kafka.bootstrap.servers")))) {
            List<NewTopic> topics = new ArrayList<>();
            names.topicConfigs().forEach((name, settings) -> {
                if (name.startsWith("bench-")) {
                    topics.add(new NewTopic(name, java.util.Optional.of(partitions), java.util.Optional.empty())
                            .configs(settings));
                }
            });
            admin.createTopics(topics).all().get();
        }
    }

    private static void awaitRunning(List<KafkaStreams> apps) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (apps.stream().anyMatch(a -> a.state() != KafkaStreams.State.RUNNING)) {
            if (System.nanoTime() > deadline || apps.stream().anyMatch(a -> a.state() == KafkaStreams.State.ERROR)) {
                throw new IllegalStateException("Streams applications did not start: "
                        + apps.stream().map(KafkaStreams::state).toList());
            }
            Thread.sleep(100);
        }
    }

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f", java.lang.management.ManagementFactory
                .getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
