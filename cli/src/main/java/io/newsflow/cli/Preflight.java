package io.newsflow.cli;

import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.serde.SchemaRegistration;
import io.newsflow.schemas.serde.confluent.ConfluentRegistryClient;
import io.newsflow.schemas.serde.confluent.RegistryClientConfig;
import io.newsflow.schemas.serde.confluent.RegistryException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Checks, before a command starts its work, that the broker and the registry answer and the topics it
 * needs exist, so that a wrong address is one clear line within seconds (which address, and why:
 * refused, unknown host, TLS, authentication, a missing topic) instead of minutes of retries.
 * The wait is {@code preflight.timeout-seconds} (15 by default).
 */
final class Preflight {

    static final String TIMEOUT_KEY = "preflight.timeout-seconds";

    private Preflight() {
    }

    /** The problem, if the broker or a topic in {@code topics} is missing; empty when all is there. */
    static Optional<String> kafka(ServiceConfig config, Collection<String> topics) {
        Duration timeout = timeout(config);
        Object servers = config.kafka().get("bootstrap.servers");
        try (Admin admin = admin(config, timeout)) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> missing = topics.stream().filter(t -> !existing.contains(t)).toList();
            return missing.isEmpty() ? Optional.empty() : Optional.of("Kafka at " + servers + " has no topic "
                    + String.join(", ", missing) + " (create them: newsflow topics create -b " + servers + ")");
        } catch (ExecutionException e) {
            return Optional.of("cannot reach Kafka at " + servers + ": " + cause(e.getCause()));
        } catch (TimeoutException e) {
            return Optional.of("cannot reach Kafka at " + servers + " within " + timeout.toSeconds()
                    + " s (is the address right and the broker up?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while checking Kafka at " + servers);
        } catch (org.apache.kafka.common.KafkaException e) {
            return Optional.of("cannot use Kafka at " + servers + ": " + cause(e));
        }
    }

    /** How many partitions {@code topic} has; empty when that cannot be read (the checks above report why). */
    static OptionalInt partitions(ServiceConfig config, String topic) {
        Duration timeout = timeout(config);
        try (Admin admin = admin(config, timeout)) {
            return OptionalInt.of(admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().size());
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.empty();
        }
    }

    /** The problem, if the registry at {@code registry.url} does not answer; empty when it does. */
    static Optional<String> registry(ServiceConfig config) {
        String url = SchemaRegistration.confluentUrl(config.get("registry.url"));
        Duration timeout = timeout(config);
        RegistryClientConfig base = RegistryClientConfig.from(url, config.asMap());
        var client = new ConfluentRegistryClient(new RegistryClientConfig(base.url(), base.basicAuth(),
                base.bearerToken(), base.sslContext(), timeout, timeout, 0, Duration.ofMillis(100)));
        try {
            client.subjects();
            return Optional.empty();
        } catch (RegistryException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            return Optional.of("cannot reach the schema registry at " + config.get("registry.url") + ": " + cause(e));
        }
    }

    /** Prints the first problem of the broker or registry checks and returns true if there was one. */
    static boolean failed(String command, ServiceConfig config, Collection<String> topics, boolean registry) {
        Optional<String> problem = kafka(config, topics);
        if (problem.isEmpty() && registry) {
            problem = registry(config);
        }
        problem.ifPresent(p -> System.err.println("newsflow " + command + ": " + p));
        return problem.isPresent();
    }

    /** An admin client of the service's Kafka settings that gives up after {@code timeout}. */
    private static Admin admin(ServiceConfig config, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(config.kafka());
        settings.keySet().retainAll(AdminClientConfig.configNames());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return Admin.create(settings);
    }

    private static Duration timeout(ServiceConfig config) {
        return Duration.ofSeconds(config.getLong(TIMEOUT_KEY, 15));
    }

    /** The deepest cause in words: refused, unknown host, TLS, or its own message. */
    static String cause(Throwable error) {
        Throwable t = error;
        for (int i = 0; i < 10 && t != null; i++, t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof SSLException) {
                return "TLS failed: " + t.getMessage();
            }
            if (t instanceof org.apache.kafka.common.errors.SaslAuthenticationException
                    || t instanceof org.apache.kafka.common.errors.AuthenticationException) {
                return "authentication failed: " + t.getMessage();
            }
            if (t.getCause() == null) {
                return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
            }
        }
        return String.valueOf(error);
    }
}
