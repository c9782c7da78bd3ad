package io.newsflow.schemas.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which keys a service knows, so that a misspelled key fails at start instead of being ignored, and how
 * environment variable names map to keys.
 *
 * <p>Known: the keys of the service's defaults file, the settings every service shares (registry
 * client, topic names, metrics), anything under {@code kafka.} or {@code apicurio.} (passed through),
 * and {@code enrich.<step>.<key>} settings of a step of one's own. Keys of another service's area
 * ({@code ingest.} read by enrich, say) are left alone.
 */
final class ConfigKeys {

    /** Environment variables the launcher and the logging read: not configuration keys. */
    static final Set<String> NOT_KEYS = Set.of("NEWSFLOW_HOME", "NEWSFLOW_JAVA", "NEWSFLOW_JAVA_OPTS",
            "NEWSFLOW_LOG_LEVEL", "NEWSFLOW_KAFKA_LOG_LEVEL");

    /** Settings every service may be given, beyond its defaults file. */
    static final Set<String> SHARED = Set.of("registry.url", "registry.basic-auth", "registry.bearer-token",
            "registry.ssl.truststore.location", "registry.ssl.truststore.password", "registry.ssl.truststore.type",
            "registry.retries", "registry.auto-register", "metrics.port", "preflight.timeout-seconds", "topic.raw", "topic.enriched", "topic.dlq",
            "topic.enriched-json", "topic.fetch-status", "topic.dlq-replays", "topic.articles-latest", "topic.trending");

    private static final Set<String> AREAS = Set.of("ingest", "enrich", "publish");
    private static final Set<String> PASS_THROUGH = Set.of("kafka", "apicurio");

    private final Set<String> known = new HashSet<>();
    private final Set<String> ownAreas = new HashSet<>();

    ConfigKeys(Set<String> defaults) {
        known.addAll(defaults);
        known.addAll(SHARED);
        defaults.forEach(k -> ownAreas.add(area(k)));
    }

    /** Fails with the nearest known key when {@code key} is not one this service can use. */
    void check(String key, String where) {
        String area = area(key);
        if (known.contains(key) || PASS_THROUGH.contains(area)) {
            return;
        }
        if (AREAS.contains(area) && !ownAreas.contains(area)) {
            return; // Another service's setting: one file or environment may serve all three.
        }
        if (area.equals("enrich") && key.split("\\.").length >= 3
                && known.stream().noneMatch(k -> k.startsWith(key.substring(0, key.indexOf('.', 7) + 1)))) {
            return; // enrich.<step>.<key> of a step of one's own.
        }
        throw new ConfigException("unknown configuration key '" + key + "' " + where
                + nearest(key).map(n -> "; did you mean '" + n + "'?").orElse(""));
    }

    /** The key an environment variable's name (after {@code NEWSFLOW_}) sets. */
    String fromEnvironment(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        List<String> matches = known.stream().filter(k -> envName(k).equals(upper)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        return name.toLowerCase(Locale.ROOT).replace("__", "-").replace('_', '.');
    }

    /** The environment variable name (after {@code NEWSFLOW_}) of a key. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Whether a key holds a secret, masked when printed. */
    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("jaas")
                || k.contains("basic-auth") || k.contains("credentials") || k.endsWith(".key");
    }

    private java.util.Optional<String> nearest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : new ArrayList<>(known)) {
            int d = distance(key, k);
            if (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0)) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(3, key.length() / 3) ? java.util.Optional.ofNullable(best)
                : java.util.Optional.empty();
    }

    private static String area(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
