package io.newsflow.cli.bench;

import io.newsflow.embedded.EmbeddedStack;
import io.newsflow.publish.rules.ArticleView;
import io.newsflow.publish.rules.Routes;
import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Entity;
import io.newsflow.schemas.avro.EntityType;
import io.newsflow.schemas.avro.Keyphrase;
import io.newsflow.schemas.avro.Processing;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.avro.TopicTag;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Publish throughput on the embedded broker and registry, a harness that prints figures (no
 * assertions): the rules alone (50 routes, one core), then the publish service, exactly-once, over
 * the same enriched articles with no routes and no trending, with 50 routes, and with trending, so
 * that the difference is what routing and trending cost per article. The broker runs in this JVM
 * and shares the 2 cores, as in {@code newsflow local}.
 *
 * <p>{@code ./mvnw -B -o -Pbench -pl cli -am verify -DskipTests -Dbench.main=io.newsflow.cli.bench.PublishBenchmark
 * -Dbench.args=10000}
 */
public final class PublishBenchmark {

    private static final String[] LANGS = {"en", "en", "en", "fr", "de", "es", "it", "nl"};
    private static final String[] TOPICS = {"politics", "economy, business and finance", "sport", "health",
            "science and technology", "crime, law and justice", "environment", "arts, culture and entertainment",
            "education", "conflict, war and peace", "disaster, accident and emergency incident", "labour",
            "lifestyle and leisure", "religion", "society", "weather", "human interest", "transport", "energy", "media"};
    private static final EntityType[] TYPES = EntityType.values();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private PublishBenchmark() {
    }

    /** Runs the benchmark; argument: number of articles (default 10,000). */
    public static void main(String[] args) throws IOException, InterruptedException, ExecutionException {
        int n = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 10_000;
        List<EnrichedArticle> articles = articles(n, new Random(42));
        Path dir = Files.createTempDirectory("newsflow-publish-bench-");
        Path routesFile = Files.writeString(dir.resolve("routes.yaml"), routesYaml(50), StandardCharsets.UTF_8);
        Routes routes = Routes.load(routesFile);
        System.out.printf(Locale.ROOT, "publish benchmark: %,d articles (%.1f KiB text, %.0f entities+topics each),"
                + " %d routes, %d cores, Java %s%n", n,
                articles.stream().mapToInt(a -> a.getText().length()).average().orElse(0) / 1024,
                articles.stream().mapToInt(a -> a.getEntities().size() + a.getTopics().size()).average().orElse(0),
                routes.routes().size(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        rulesAlone(routes, articles);

        Map<String, Map<String, String>> topicConfigs = new LinkedHashMap<>(TopicNames.DEFAULTS.topicConfigs());
        routes.topics().forEach(t -> topicConfigs.put(t, Map.of()));
        try (EmbeddedStack stack = EmbeddedStack.start(topicConfigs, 2)) {
            Topics topics = Topics.create(TopicNames.DEFAULTS, RegistrySerdeFactory.create(stack.registry().apiUrl(), Map.of()));
            produce(stack, topics, articles);
            Map<String, String> base = Map.of(
                    "kafka.bootstrap.servers", stack.kafka().bootstrapServers(),
                    "registry.url", stack.registry().apiUrl(),
                    "kafka.num.stream.threads", "2",
                    "publish.http.port", "");
            Run none = run(stack, dir, base, "no routes, no trending", "", false, n, Map.of());
            Run routed = run(stack, dir, base, "50 routes, no trending", routesFile.toString(), false, n, Map.of());
            Run trending = run(stack, dir, base, "no routes, trending", "", true, n, Map.of());
            // Publish commits every second (publish-defaults.properties); Kafka Streams' exactly-once
            // default is 100 ms: ten transactions a second per thread.
            run(stack, dir, base, "no routes, trending, commit 100 ms", "", true, n,
                    Map.of("kafka.commit.interval.ms", "100"));
            System.out.printf(Locale.ROOT, "  routing to 50 routes costs %.0f µs CPU per article (%.2f routes matched each);"
                            + " trending %.0f µs CPU per article%n",
                    (routed.cpuMicrosPerArticle() - none.cpuMicrosPerArticle()),
                    articles.stream().mapToInt(a -> routes.matching(ArticleView.of(a)).size()).average().orElse(0),
                    (trending.cpuMicrosPerArticle() - none.cpuMicrosPerArticle()));
        }
    }

    /** One measured run: wall time and process CPU time from start until every input offset is committed. */
    record Run(double articlesPerSecond, double cpuMicrosPerArticle) {
    }

    private static Run run(EmbeddedStack stack, Path dir, Map<String, String> base, String name, String routes,
                           boolean trending, int n, Map<String, String> extra)
            throws InterruptedException, ExecutionException {
        String appId = "bench-publish-" + name.replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "");
        Map<String, String> settings = new LinkedHashMap<>(base);
        settings.put("kafka.application.id", appId);
        settings.put("kafka.state.dir", dir.resolve(appId).toString());
        settings.put("publish.routes", routes);
        settings.put("publish.trending.enabled", Boolean.toString(trending));
        // The articles were produced beforehand over the last hour; the two input partitions are
        // worked through at different paces, so after the repartition their times interleave by more
        // than the default 10 min grace. A backfill needs a grace as long as that skew, or articles
        // are dropped as late (and cost nothing): give it an hour, so every article is counted.
        settings.put("publish.trending.grace-minutes", "60");
        settings.putAll(extra);
        ServiceConfig config = ServiceConfig.load(PublishService.DEFAULTS, null, Map.of(), Map.of()).with(settings);
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (PublishService service = PublishService.create(config);
             Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
            service.streams().start();
            while (committed(admin, appId) < n) {
                if (service.streams().state() == KafkaStreams.State.ERROR) {
                    throw new IllegalStateException(name + ": the publish application failed");
                }
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMicros = (OS.getProcessCpuTime() - cpu0) / 1e3 / n;
            System.out.printf(Locale.ROOT, "  %-24s %,7.0f articles/s (%.1f s, start-up included), %,5.0f µs CPU per article"
                    + " (whole process: broker included)%n", name, n / seconds, seconds, cpuMicros);
            return new Run(n / seconds, cpuMicros);
        }
    }

    /** Offsets the application has committed on the enriched topic, summed over partitions. */
    private static long committed(Admin admin, String appId) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(appId)
                .partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(TopicNames.DEFAULTS.enriched())
                && e.getValue() != null).mapToLong(e -> e.getValue().offset()).sum();
    }

    private static void produce(EmbeddedStack stack, Topics topics, List<EnrichedArticle> articles) {
        long t0 = System.nanoTime();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                stack.kafka().bootstrapServers(), "linger.ms", 20), new StringSerializer(), new ByteArraySerializer())) {
            long now = System.currentTimeMillis();
            for (int i = 0; i < articles.size(); i++) {
                EnrichedArticle a = articles.get(i);
                // Spread over the last hour, as a live stream would be.
                producer.send(new ProducerRecord<>(topics.enriched().name(), null,
                        now - 3_600_000L + i * 3_600_000L / articles.size(), a.getId(),
                        topics.enriched().valueSerde().serializer().serialize(topics.enriched().name(), a)));
            }
        }
        System.out.printf(Locale.ROOT, "  produced the articles in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void rulesAlone(Routes routes, List<EnrichedArticle> articles) {
        List<ArticleView> views = articles.stream().map(ArticleView::of).toList();
        var cpu = ManagementFactory.getThreadMXBean();
        double best = 0;
        for (int round = 0; round < 5; round++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            long matched = 0;
            for (ArticleView v : views) {
                matched += routes.matching(v).size();
            }
            if (matched < 0) {
                throw new IllegalStateException("unreachable: keeps the loop from being optimised away");
            }
            best = Math.max(best, views.size() / ((cpu.getCurrentThreadCpuTime() - t0) / 1e9));
        }
        System.out.printf(Locale.ROOT, "  rules alone: %,.0f articles per CPU-second through 50 routes (best of 5)%n", best);
    }

    private static String routesYaml(int count) {
        StringBuilder y = new StringBuilder("routes:\n");
        for (int i = 0; i < count; i++) {
            y.append("  - name: r").append(i).append("\n    topic: bench.r").append(i).append(".v1\n")
                    .append(i % 3 == 0 ? "    format: json\n" : "").append("    match: ");
            y.append(switch (i % 5) {
                case 0 -> "{language: " + LANGS[i % LANGS.length] + ", topic: {name: '" + TOPICS[i % TOPICS.length]
                        + "', min-score: 0.3}}";
                case 1 -> "{entity: {name: 'Person " + i + "', min-salience: 0.1}}";
                case 2 -> "{any: [{entity: {type: ORGANIZATION, min-salience: 0.95}}, {keyphrase: 'phrase " + i + "'}]}";
                case 3 -> "{all: [{site: site" + i + ".example}, {not: {duplicate: true}}, {words: {min: 300}}]}";
                default -> "{all: [{language: [en, fr]}, {not: {topic: '" + TOPICS[i % TOPICS.length]
                        + "'}}, {entity: {type: PERSON, min-salience: 0.9}}]}";
            }).append('\n');
        }
        return y.toString();
    }

    private static List<EnrichedArticle> articles(int n, Random random) {
        String paragraph = "The council met on Tuesday to discuss the budget for the coming year, and members said "
                + "the plan would protect services while keeping taxes flat. ";
        List<EnrichedArticle> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Entity> entities = new ArrayList<>();
            for (int e = 0; e < 8; e++) {
                EntityType type = TYPES[random.nextInt(TYPES.length)];
                entities.add(new Entity((type == EntityType.PERSON ? "Person " : "Name ") + random.nextInt(2_000), type,
                        1 + random.nextInt(5), random.nextDouble(), List.of()));
            }
            List<TopicTag> topics = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                String label = TOPICS[random.nextInt(TOPICS.length)];
                topics.add(new TopicTag("medtop:" + Math.abs(label.hashCode()), label, random.nextDouble()));
            }
            List<Keyphrase> phrases = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                phrases.add(new Keyphrase("phrase " + random.nextInt(500), random.nextDouble()));
            }
            boolean duplicate = random.nextInt(20) == 0;
            out.add(EnrichedArticle.newBuilder()
                    .setId(String.format(Locale.ROOT, "%032x", i))
                    .setUrl("https://site" + random.nextInt(100) + ".example/news/" + i)
                    .setSite("Site " + random.nextInt(100)).setTitle("Article " + i)
                    .setLanguage(LANGS[random.nextInt(LANGS.length)])
                    .setText(paragraph.repeat(10 + random.nextInt(20))).setWordCount(50 + random.nextInt(3_000))
                    .setEntities(entities).setTopics(topics).setKeyphrases(phrases)
                    .setDuplicateOf(duplicate ? "earlier" : null).setDuplicateScore(duplicate ? 0.95 : null)
                    .setFetchedAt(Instant.now()).setSource(new Source(SourceKind.WARC, "bench"))
                    .setProcessing(Processing.newBuilder().setEnrichedAt(Instant.now()).setPipelineVersion("bench").build())
                    .build());
        }
        return out;
    }
}
