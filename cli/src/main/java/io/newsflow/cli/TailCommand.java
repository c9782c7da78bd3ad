package io.newsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.publish.json.JsonProjection;
import io.newsflow.publish.rules.ArticleView;
import io.newsflow.publish.rules.Filters;
import io.newsflow.publish.rules.Route;
import io.newsflow.publish.rules.Routes;
import io.newsflow.publish.rules.Rule;
import io.newsflow.publish.rules.RulesException;
import io.newsflow.publish.service.PublishService;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.config.ConfigException;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Prints a topic of articles: the JSON projection by default, any article topic ({@code --topic}),
 * or a route's topic ({@code --route}), filtered with the routes' rule language, as JSON lines or
 * one compact line per article.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print articles as they are published: news.enriched.json.v1, --topic or --route; filtered"
                + " (--filter lang=en --filter entity='Lindsay Hoyle'); as JSON lines or --format human.")
final class TailCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    @Mixin
    ConnectionOptions connection;

    @ArgGroup(exclusive = true)
    Start start = new Start();

    static final class Start {
        @Option(names = "--from-beginning", description = "Start at the oldest record.")
        boolean fromBeginning;

        @Option(names = "--from-now", description = "Start with records published from now on (the default).")
        boolean fromNow;
    }

    @ArgGroup(exclusive = true)
    Source source = new Source();

    static final class Source {
        @Option(names = "--topic", description = "Topic to read (JSON or Avro articles; default: news.enriched.json.v1).")
        String topic;

        @Option(names = "--route", description = "Read the topic of this route (of --routes or publish.routes).")
        String route;
    }

    @Option(names = "--routes", paramLabel = "RULES.yaml", description = "Routes file for --route (default: publish.routes).")
    Path routes;

    @Option(names = "--filter", paramLabel = "NAME=VALUE",
            description = "Only articles matching; repeatable (all must hold; a name twice: either). Names: "
                    + "lang, topic, min-topic-score, entity, type, min-salience, keyphrase, site, min-words, max-words,"
                    + " duplicates=include|exclude|only.")
    List<String> filters = new ArrayList<>();

    @Option(names = "--format", description = "json (one JSON line per article, default) or human (one compact line).")
    Format format = Format.JSON;

    @Option(names = {"-n", "--max"}, description = "Stop after this many records (default: run until Ctrl-C).")
    long max = Long.MAX_VALUE;

    @Option(names = "--idle-timeout", description = "Stop after this many seconds without a record (default: never).")
    long idleSeconds = 0;

    enum Format { JSON, HUMAN }

    @Override
    public Integer call() {
        ServiceConfig config = connection.load(PublishService.DEFAULTS);
        TopicNames names = TopicNames.fromConfig(config.asMap());
        Rule rule;
        String topic;
        try {
            rule = Filters.parsePairs(filters);
            topic = topic(config, names);
        } catch (RulesException e) {
            throw new ConfigException(e.getMessage());
        }
        if (Preflight.failed("tail", config, List.of(topic), false)) {
            return 1;
        }
        Function<ConsumerRecord<String, byte[]>, JsonNode> decode = decoder(config, names);
        PrintStream out = System.out;
        long printed = 0;
        long lastRecord = System.nanoTime();
        try (TopicReader reader = new TopicReader(config.kafka(), List.of(topic), start.fromBeginning)) {
            while (printed < max) {
                for (var r : reader.poll(Duration.ofMillis(500))) {
                    lastRecord = System.nanoTime();
                    if (r.value() == null) {
                        continue; // A tombstone (latest-by-id): nothing to show.
                    }
                    JsonNode article = decode.apply(r);
                    if (!article.has("id") || rule.test(ArticleView.of(article))) {
                        out.println(format == Format.HUMAN ? human(article) : article.toString());
                        if (++printed >= max) {
                            break;
                        }
                    }
                }
                out.flush();
                if (idleSeconds > 0 && System.nanoTime() - lastRecord > idleSeconds * 1_000_000_000L) {
                    break;
                }
            }
        }
        return 0;
    }

    private String topic(ServiceConfig config, TopicNames names) {
        if (source.topic != null) {
            return source.topic;
        }
        if (source.route == null) {
            return names.enrichedJson();
        }
        Routes all = routes != null ? Routes.load(routes) : PublishService.routes(config);
        return all.byName(source.route).map(Route::topic).orElseThrow(() -> new ConfigException(
                "no route '" + source.route + "' (routes: " + all.routes().stream().map(Route::name).toList() + ")"));
    }

    /** JSON values as they are; Avro values (Confluent wire format) decoded through the registry. */
    private static Function<ConsumerRecord<String, byte[]>, JsonNode> decoder(ServiceConfig config, TopicNames names) {
        ObjectMapper json = new ObjectMapper();
        Topics[] topics = new Topics[1];
        return r -> {
            try {
                if (r.value().length > 0 && r.value()[0] == '{') {
                    return json.readTree(r.value());
                }
                if (topics[0] == null) {
                    topics[0] = Topics.create(names, RegistrySerdeFactory.create(config.get("registry.url"), config.asMap()));
                }
                if (r.topic().equals(names.trending())) {
                    return json.readTree(topics[0].trending().valueSerde().deserializer()
                            .deserialize(r.topic(), r.headers(), r.value()).toString());
                }
                EnrichedArticle a = topics[0].enriched().valueSerde().deserializer().deserialize(r.topic(), r.headers(),
                        r.value());
                return JsonProjection.toJson(a);
            } catch (IOException | RuntimeException e) {
                return json.createObjectNode().put("undecodable", r.topic() + "/" + r.partition() + "/" + r.offset())
                        .put("error", e.toString());
            }
        };
    }

    /** One compact line: time, language, site, title, top entities, top topic. */
    static String human(JsonNode a) {
        if (!a.has("title") && !a.has("url")) {
            return a.toString();
        }
        String when = a.path("published").asText(a.path("fetchedAt").asText(""));
        String time;
        try {
            time = when.isEmpty() ? "" : TIME.format(java.time.OffsetDateTime.parse(when).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                time = TIME.format(Instant.parse(when));
            } catch (java.time.format.DateTimeParseException e2) {
                time = when;
            }
        }
        List<String> entities = new ArrayList<>();
        a.path("entities").forEach(e -> entities.add(e.path("name").asText()));
        String topic = a.path("topics").isEmpty() ? "" : " {" + a.path("topics").get(0).path("label").asText() + "}";
        return String.format(Locale.ROOT, "%-11s %-2s %-20s %s%s%s", time, a.path("language").asText("?"),
                cut(a.path("site").asText(""), 20), cut(a.path("title").asText("(no title)"), 80),
                entities.isEmpty() ? "" : "  [" + String.join(", ", entities.subList(0, Math.min(3, entities.size()))) + "]",
                topic).stripTrailing();
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
