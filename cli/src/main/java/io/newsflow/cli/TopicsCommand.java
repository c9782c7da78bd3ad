package io.newsflow.cli;

import io.newsflow.enrich.service.EnrichService;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.SchemaRegistration;
import io.newsflow.schemas.topics.TopicNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Creates Newsflow's topics on a cluster, or compares a cluster's topics with what Newsflow expects. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "Create every Newsflow topic with its settings, or describe how a cluster differs.",
        subcommands = {TopicsCommand.Create.class, TopicsCommand.Describe.class})
final class TopicsCommand {

    private static final long TIMEOUT_SECONDS = 15;

    static Admin admin(ServiceConfig config) {
        Map<String, Object> settings = new HashMap<>(config.kafka());
        settings.keySet().retainAll(AdminClientConfig.configNames());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        return Admin.create(settings);
    }

    /** {@code topics create}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create every topic with its cleanup policy, retention and max.message.bytes, and register"
                    + " every schema (idempotent); print what was done.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--partitions", description = "Partitions of each new topic (default: ${DEFAULT-VALUE}).")
        int partitions = 6;

        @Option(names = "--replication-factor", description = "Replicas of each new topic (default: ${DEFAULT-VALUE}).")
        short replicationFactor = 1;

        @Option(names = "--dry-run", description = "Say what would be created; change nothing.")
        boolean dryRun;

        @Option(names = "--routes", paramLabel = "RULES.yaml",
                description = "Also create the topics of this routes file (the JSON projection's settings).")
        java.nio.file.Path routes;

        @Option(names = "--no-schemas", description = "Do not register the schemas; by default every schema is"
                + " registered under its subject, BACKWARD, as `newsflow schemas register` does.")
        boolean noSchemas;

        @Override
        public Integer call() throws InterruptedException {
            ServiceConfig config = connection.load(EnrichService.DEFAULTS);
            var expected = withRoutes(TopicNames.fromConfig(config.asMap()), routes);
            try (Admin admin = admin(config)) {
                for (String line : create(admin, expected, partitions, replicationFactor, dryRun)) {
                    System.out.println(line);
                }
            } catch (ExecutionException | TimeoutException e) {
                return fail(config, e);
            }
            if (noSchemas || dryRun) {
                return 0;
            }
            return SchemasCommand.register(config, SchemaRegistration.DEFAULT_COMPATIBILITY,
                    "newsflow topics: topics created, schemas not registered: ");
        }
    }

    /**
     * Newsflow's topics and, when a routes file is given, its route topics: they carry articles as
     * the JSON projection does, so they get its settings (delete after 7 days, large records).
     */
    static Map<String, Map<String, String>> withRoutes(TopicNames names, java.nio.file.Path routesFile) {
        Map<String, Map<String, String>> expected = new java.util.LinkedHashMap<>(names.topicConfigs());
        if (routesFile != null) {
            try {
                for (String topic : io.newsflow.publish.rules.Routes.load(routesFile).topics()) {
                    expected.putIfAbsent(topic, expected.get(names.enrichedJson()));
                }
            } catch (io.newsflow.publish.rules.RulesException | java.io.UncheckedIOException e) {
                throw new io.newsflow.schemas.config.ConfigException(e.getMessage());
            }
        }
        return expected;
    }

    /** Creates the missing topics; one line per topic saying what happened. */
    static List<String> create(Admin admin, Map<String, Map<String, String>> expected, int partitions,
                               short replicationFactor, boolean dryRun)
            throws ExecutionException, TimeoutException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> lines = new ArrayList<>();
        List<NewTopic> missing = new ArrayList<>();
        expected.forEach((name, settings) -> {
            if (existing.contains(name)) {
                lines.add("exists\t" + name);
            } else {
                missing.add(new NewTopic(name, partitions, replicationFactor).configs(settings));
                lines.add((dryRun ? "would create\t" : "created\t") + name + "\tpartitions=" + partitions
                        + " replication-factor=" + replicationFactor + " " + settings);
            }
        });
        if (!dryRun && !missing.isEmpty()) {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return lines;
    }

    /** {@code topics describe}. */
    @Command(name = "describe", mixinStandardHelpOptions = true,
            description = "Compare the cluster's topics with what Newsflow expects; exit 1 if any differs.")
    static final class Describe implements Callable<Integer> {
        @Mixin
        ConnectionOptions connection;

        @Option(names = "--routes", paramLabel = "RULES.yaml", description = "Also check the topics of this routes file.")
        java.nio.file.Path routes;

        @Override
        public Integer call() throws InterruptedException {
            ServiceConfig config = connection.load(EnrichService.DEFAULTS);
            var expected = withRoutes(TopicNames.fromConfig(config.asMap()), routes);
            try (Admin admin = admin(config)) {
                List<String> lines = describe(admin, expected);
                lines.forEach(System.out::println);
                return lines.stream().allMatch(l -> l.startsWith("ok\t")) ? 0 : 1;
            } catch (ExecutionException | TimeoutException e) {
                return fail(config, e);
            }
        }
    }

    /** One line per topic: {@code ok}, {@code missing}, or {@code differs} with each setting that differs. */
    static List<String> describe(Admin admin, Map<String, Map<String, String>> expected)
            throws ExecutionException, TimeoutException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> present = expected.keySet().stream().filter(existing::contains).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList()).all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<String> lines = new ArrayList<>();
        expected.forEach((name, settings) -> {
            if (!existing.contains(name)) {
                lines.add("missing\t" + name + "\t(run: newsflow topics create)");
                return;
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            List<String> diffs = new ArrayList<>();
            settings.forEach((key, want) -> {
                var entry = actual.get(key);
                String have = entry == null ? null : entry.value();
                if (!want.equals(have)) {
                    diffs.add(key + " is " + have + ", expected " + want);
                }
            });
            TopicDescription d = descriptions.get(name);
            String shape = "partitions=" + d.partitions().size() + " replication-factor="
                    + d.partitions().get(0).replicas().size();
            lines.add((diffs.isEmpty() ? "ok\t" : "differs\t") + name + "\t" + shape
                    + (diffs.isEmpty() ? "" : "\t" + String.join("; ", diffs)));
        });
        return lines;
    }

    private static int fail(ServiceConfig config, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        System.err.println("newsflow topics: cannot reach Kafka at " + config.kafka().get("bootstrap.servers")
                + " within " + TIMEOUT_SECONDS + " s: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        return 1;
    }
}
