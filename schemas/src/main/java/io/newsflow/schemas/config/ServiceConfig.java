package io.newsflow.schemas.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Layered configuration of a service: the commented defaults shipped in the jar, then a user
 * file, then environment variables ({@code NEWSFLOW_KAFKA_BOOTSTRAP_SERVERS} sets
 * {@code kafka.bootstrap.servers}), then explicit overrides (command-line options). Keys under
 * {@code kafka.} pass straight through to the Kafka clients, so SASL/SSL needs no code.
 */
public final class ServiceConfig {

    /** Prefix of keys handed to Kafka clients with the prefix removed. */
    public static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> values;

    private ServiceConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * Loads {@code defaultsResource} (classpath), then {@code userFile} (may be null), then the
     * environment, then {@code overrides}.
     */
    public static ServiceConfig load(String defaultsResource, Path userFile, Map<String, String> environment,
                                     Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>();
        merged.putAll(fromResource(defaultsResource));
        if (userFile != null) {
            merged.putAll(fromFile(userFile));
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("NEWSFLOW_")) {
                merged.put(name.substring("NEWSFLOW_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        merged.putAll(overrides);
        return new ServiceConfig(merged);
    }

    /** A configuration of exactly these values (tests, embedded runs). */
    public static ServiceConfig of(Map<String, String> values) {
        return new ServiceConfig(values);
    }

    /** This configuration with some keys replaced. */
    public ServiceConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return new ServiceConfig(merged);
    }

    /** All values. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The value of a required key. */
    public String get(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing configuration key '" + key + "'");
        }
        return v.trim();
    }

    /** The value of a key, or the fallback. */
    public String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** An integer value, or the fallback. */
    public int getInt(String key, int fallback) {
        String v = get(key, null);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' is not an integer: " + v, e);
        }
    }

    /** A long value, or the fallback. */
    public long getLong(String key, long fallback) {
        String v = get(key, null);
        try {
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' is not a number: " + v, e);
        }
    }

    /** A comma-separated list, trimmed, empty items dropped. */
    public List<String> getList(String key, List<String> fallback) {
        String v = get(key, null);
        if (v == null) {
            return fallback;
        }
        return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The keys under {@code kafka.}, prefix removed: the Kafka client configuration. */
    public Map<String, Object> kafka() {
        return withPrefix(KAFKA_PREFIX);
    }

    /** The keys under a prefix, prefix removed. */
    public Map<String, Object> withPrefix(String prefix) {
        Map<String, Object> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static Map<String, String> fromResource(String resource) {
        try (InputStream in = ServiceConfig.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("defaults resource not found: " + resource);
            }
            return parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Map<String, String> fromFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file, e);
        }
    }

    private static Map<String, String> parse(Reader reader) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }
}
