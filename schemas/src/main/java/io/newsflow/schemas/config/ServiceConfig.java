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
 * file, then environment variables, then explicit overrides (command-line options). Keys under
 * {@code kafka.} pass straight through to the Kafka clients, so SASL/SSL needs no code.
 *
 * <p>Environment variables: {@code NEWSFLOW_<NAME>} sets the known key whose name, upper-cased with
 * '.' and '-' written as '_', is NAME ({@code NEWSFLOW_INGEST_REFETCH_AFTER_HOURS} sets
 * {@code ingest.refetch-after-hours}); any other NAME is lower-cased with "__" read as '-' and '_'
 * as '.' ({@code NEWSFLOW_KAFKA_SASL_MECHANISM} sets {@code kafka.sasl.mechanism}). The launcher's
 * and the log's own variables ({@code NEWSFLOW_JAVA}, {@code NEWSFLOW_LOG_LEVEL}, ...) are not keys.
 *
 * <p>A key this service does not know fails at load with the nearest valid key suggested
 * (see {@link ConfigKeys}); keys of another service's area are left alone, so one file or
 * environment can serve all three.
 */
public final class ServiceConfig {

    /** Prefix of keys handed to Kafka clients with the prefix removed. */
    public static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, String> values;
    private final Map<String, String> origins;

    private ServiceConfig(Map<String, String> values, Map<String, String> origins) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.origins = Collections.unmodifiableMap(new TreeMap<>(origins));
    }

    private ServiceConfig(Map<String, String> values) {
        this(values, Map.of());
    }

    /**
     * Loads {@code defaultsResource} (classpath), then {@code userFile} (may be null), then the
     * environment, then {@code overrides}.
     */
    public static ServiceConfig load(String defaultsResource, Path userFile, Map<String, String> environment,
                                     Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>();
        Map<String, String> origins = new TreeMap<>();
        Map<String, String> defaults = fromResource(defaultsResource);
        put(merged, origins, defaults, "default");
        ConfigKeys keys = new ConfigKeys(defaults.keySet());
        if (userFile != null) {
            Map<String, String> file = fromFile(userFile);
            file.keySet().forEach(k -> keys.check(k, "in " + userFile));
            put(merged, origins, file, "file " + userFile);
        }
        environment.forEach((name, value) -> {
            if (name.startsWith("NEWSFLOW_") && !ConfigKeys.NOT_KEYS.contains(name)) {
                String key = keys.fromEnvironment(name.substring("NEWSFLOW_".length()));
                keys.check(key, "from environment variable " + name);
                merged.put(key, value);
                origins.put(key, "env " + name);
            }
        });
        overrides.keySet().forEach(k -> keys.check(k, "given on the command line"));
        put(merged, origins, overrides, "flag");
        return new ServiceConfig(merged, origins);
    }

    private static void put(Map<String, String> merged, Map<String, String> origins, Map<String, String> values,
                            String origin) {
        merged.putAll(values);
        values.keySet().forEach(k -> origins.put(k, origin));
    }

    /** Where each key's value came from: {@code default}, {@code file PATH}, {@code env NAME}, {@code flag}, {@code set}. */
    public Map<String, String> origins() {
        return origins;
    }

    /** Every key with its value and origin, one per line, secrets masked: what {@code newsflow config} prints. */
    public java.util.List<String> describe() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        values.forEach((k, v) -> lines.add(k + "=" + (ConfigKeys.isSecret(k) && !v.isBlank() ? "****" : v)
                + "\t# " + origins.getOrDefault(k, "set")));
        return lines;
    }

    /** A configuration of exactly these values (tests, embedded runs). */
    public static ServiceConfig of(Map<String, String> values) {
        return new ServiceConfig(values);
    }

    /** This configuration with some keys replaced. */
    public ServiceConfig with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        Map<String, String> from = new TreeMap<>(origins);
        put(merged, from, overrides, "set");
        return new ServiceConfig(merged, from);
    }

    /** A boolean value ({@code true}/{@code false}, any case), or the fallback. */
    public boolean getBoolean(String key, boolean fallback) {
        String v = get(key, null);
        if (v == null) {
            return fallback;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new ConfigException("configuration key '" + key + "' is not true or false: " + v);
    }

    /**
     * A size in bytes: a number of bytes, or with a unit ({@code 512KiB}, {@code 16MiB}, {@code 1GiB};
     * {@code KB}/{@code MB}/{@code GB} are powers of ten), or the fallback.
     */
    public long getBytes(String key, long fallback) {
        String v = get(key, null);
        if (v == null) {
            return fallback;
        }
        var m = java.util.regex.Pattern.compile("(?i)\\s*(\\d+)\\s*(b|kib|mib|gib|kb|mb|gb)?\\s*").matcher(v);
        if (!m.matches()) {
            throw new ConfigException("configuration key '" + key + "' is not a size (e.g. 16MiB): " + v);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        long scale = switch (unit) {
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            default -> 1L;
        };
        return Math.multiplyExact(n, scale);
    }

    /** A duration in seconds (a number) or ISO-8601 ({@code PT30S}), or the fallback. */
    public java.time.Duration getSeconds(String key, java.time.Duration fallback) {
        String v = get(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return v.toUpperCase(Locale.ROOT).startsWith("P") ? java.time.Duration.parse(v)
                    : java.time.Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
        } catch (RuntimeException e) {
            throw new ConfigException("configuration key '" + key + "' is not a duration in seconds: " + v);
        }
    }

    /** All values. */
    public Map<String, String> asMap() {
        return values;
    }

    /** The value of a required key. */
    public String get(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new ConfigException("missing configuration key '" + key + "'");
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
            throw new ConfigException("configuration key '" + key + "' is not an integer: " + v);
        }
    }

    /** A long value, or the fallback. */
    public long getLong(String key, long fallback) {
        String v = get(key, null);
        try {
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ConfigException("configuration key '" + key + "' is not a number: " + v);
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
