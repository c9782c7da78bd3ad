package io.newsflow.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (combined broker + controller, KRaft) running in this JVM, on
 * free loopback ports, with the settings a single node needs for exactly-once to work. It can be
 * stopped and restarted on the same ports and log directory ({@link #stop()}, {@link #restart()}),
 * which is how fault-injection tests take the broker away under running clients.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final boolean deleteOnClose;
    private final int brokerPort;
    // Chosen once: a restarted node must find its own quorum at the same concrete address.
    private final int controllerPort;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path dataDir, boolean deleteOnClose) {
        this.dataDir = dataDir;
        this.deleteOnClose = deleteOnClose;
        this.brokerPort = FreePorts.next();
        this.controllerPort = FreePorts.next();
    }

    /** Starts a broker whose data lives in a fresh temporary directory deleted on close. */
    public static EmbeddedKafka start() {
        try {
            return start(Files.createTempDirectory("newsflow-kafka-"), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data directory", e);
        }
    }

    /** Starts a broker with its log in {@code dataDir}, formatted now. */
    public static EmbeddedKafka start(Path dataDir, boolean deleteOnClose) {
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, deleteOnClose);
        kafka.startServer();
        return kafka;
    }

    /** The bootstrap address clients connect to, e.g. {@code 127.0.0.1:41234}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Creates the topics (idempotent) with the given partition count and replication 1. */
    public void createTopics(Collection<String> names, int partitions) {
        Map<String, Map<String, String>> configs = new java.util.LinkedHashMap<>();
        names.forEach(n -> configs.put(n, Map.of()));
        createTopics(configs, partitions);
    }

    /** Creates the topics (idempotent) with their topic-level settings, e.g. compaction. */
    public void createTopics(Map<String, Map<String, String>> topics, int partitions) {
        Collection<String> names = topics.keySet();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n))
                    .map(n -> new NewTopic(n, partitions, (short) 1).configs(topics.get(n))).toList();
            admin.createTopics(missing).all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new EmbeddedStartException("cannot create topics " + names, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new EmbeddedStartException("timed out creating topics " + names, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedStartException("interrupted creating topics", e);
        }
    }

    /**
     * Stops the broker as a crash-free shutdown would, keeping its log directory and ports, so
     * {@link #restart()} brings back the same cluster with every committed record. Clients see
     * the broker disappear. Does nothing if it is already stopped.
     */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Kafka stopped (data kept in {})", dataDir);
        }
    }

    /** Starts the broker again after {@link #stop()}: same cluster, log directory and ports. */
    public synchronized void restart() {
        if (server != null) {
            throw new IllegalStateException("Kafka is running on " + bootstrapServers());
        }
        startServer();
    }

    /** True between a start and a {@link #stop()}. */
    public synchronized boolean isRunning() {
        return server != null;
    }

    private void startServer() {
        Path logDir = dataDir.resolve("log");
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // A single node cannot meet the default replication of internal topics: without these
        // the group coordinator and exactly-once transactions wait forever.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "4");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "4");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "false");
        props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        props.put("message.max.bytes", Integer.toString(32 * 1024 * 1024));
        KafkaConfig config = new KafkaConfig(props, false);
        format(logDir, config);
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        LOG.info("Kafka (KRaft) started on {} (data {})", bootstrapServers(), dataDir);
    }

    private static void format(Path logDir, KafkaConfig config) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(config.nodeId())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDir.toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setUnstableFeatureVersionsEnabled(false)
                    .run();
        } catch (Exception e) { // Formatter.run declares Exception
            throw new EmbeddedStartException("cannot format Kafka storage in " + logDir, e);
        }
    }

    /** Stops the broker and removes its data when it was temporary. */
    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            Directories.deleteRecursively(dataDir);
        }
    }
}
