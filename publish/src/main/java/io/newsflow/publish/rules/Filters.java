package io.newsflow.publish.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rule language as flat filters, for URLs ({@code /stream?lang=en&topic=politics}) and command
 * lines ({@code tail --filter entity=Lindsay Hoyle}): the same conditions as a route's
 * {@code match:}, all of which must hold; a filter given twice holds when either value does.
 *
 * <ul>
 *   <li>{@code lang}/{@code language}, {@code site}, {@code keyphrase}: as in a routes file;</li>
 *   <li>{@code topic} with optional {@code min-topic-score};</li>
 *   <li>{@code entity} (a name) and/or {@code type} (PERSON...) with optional {@code min-salience};</li>
 *   <li>{@code min-words}, {@code max-words};</li>
 *   <li>{@code duplicates}: {@code include} (default), {@code exclude} or {@code only}.</li>
 * </ul>
 */
public final class Filters {

    /** The filter names understood. */
    public static final List<String> NAMES = List.of("lang", "language", "topic", "min-topic-score", "entity",
            "type", "min-salience", "keyphrase", "site", "min-words", "max-words", "duplicates");

    private Filters() {
    }

    /** The rule the filters describe; {@link Rule#ANY} for none. Names outside {@link #NAMES} are errors. */
    public static Rule parse(Map<String, List<String>> filters) {
        for (String name : filters.keySet()) {
            if (!NAMES.contains(name)) {
                throw fail("unknown filter '" + name + "' (expected one of " + NAMES + ")");
            }
        }
        List<Rule> parts = new ArrayList<>();
        List<String> langs = new ArrayList<>(values(filters, "lang"));
        langs.addAll(values(filters, "language"));
        if (!langs.isEmpty()) {
            parts.add(new Rule.Language(lower(langs)));
        }
        double minTopicScore = fraction(filters, "min-topic-score");
        oneOf(parts, values(filters, "topic").stream().<Rule>map(t -> new Rule.Topic(t, minTopicScore)).toList());
        double minSalience = fraction(filters, "min-salience");
        String type = single(filters, "type");
        if (type != null) {
            type = type.toUpperCase(Locale.ROOT);
            if (!Conditions.ENTITY_TYPES.contains(type)) {
                throw fail("type must be one of " + Conditions.ENTITY_TYPES.stream().sorted().toList() + ", not '"
                        + type + "'");
            }
        }
        String entityType = type;
        List<String> entities = values(filters, "entity");
        if (entities.isEmpty() && type != null) {
            parts.add(new Rule.Entity(null, type, minSalience));
        }
        oneOf(parts, entities.stream().<Rule>map(e -> new Rule.Entity(e, entityType, minSalience)).toList());
        oneOf(parts, values(filters, "keyphrase").stream()
                .<Rule>map(k -> new Rule.Keyphrase(k.toLowerCase(Locale.ROOT))).toList());
        List<String> sites = values(filters, "site");
        if (!sites.isEmpty()) {
            parts.add(new Rule.Site(lower(sites)));
        }
        int min = count(filters, "min-words", 0);
        int max = count(filters, "max-words", Integer.MAX_VALUE);
        if (min > 0 || max < Integer.MAX_VALUE) {
            parts.add(new Rule.Words(min, max));
        }
        String duplicates = single(filters, "duplicates");
        if (duplicates != null) {
            switch (duplicates.toLowerCase(Locale.ROOT)) {
                case "include" -> { }
                case "exclude" -> parts.add(new Rule.Duplicate(false));
                case "only" -> parts.add(new Rule.Duplicate(true));
                default -> throw fail("duplicates must be include, exclude or only, not '" + duplicates + "'");
            }
        }
        return parts.isEmpty() ? Rule.ANY : parts.size() == 1 ? parts.get(0) : new Rule.All(parts);
    }

    /** Parses {@code name=value} pairs (as {@code tail --filter} takes them). */
    public static Rule parsePairs(List<String> pairs) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw fail("a filter is name=value, not '" + pair + "'");
            }
            map.computeIfAbsent(pair.substring(0, eq).trim(), k -> new ArrayList<>()).add(pair.substring(eq + 1).trim());
        }
        return parse(map);
    }

    private static void oneOf(List<Rule> parts, List<Rule> alternatives) {
        if (alternatives.size() == 1) {
            parts.add(alternatives.get(0));
        } else if (alternatives.size() > 1) {
            parts.add(new Rule.AnyOf(alternatives));
        }
    }

    private static List<String> values(Map<String, List<String>> filters, String name) {
        return filters.getOrDefault(name, List.of()).stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static String single(Map<String, List<String>> filters, String name) {
        List<String> v = values(filters, name);
        if (v.size() > 1) {
            throw fail(name + " can be given once");
        }
        return v.isEmpty() ? null : v.get(0);
    }

    private static double fraction(Map<String, List<String>> filters, String name) {
        String v = single(filters, name);
        if (v == null) {
            return 0;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 1) {
                return d;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the name of the filter.
        }
        throw fail(name + " must be a number from 0 to 1, not '" + v + "'");
    }

    private static int count(Map<String, List<String>> filters, String name, int fallback) {
        String v = single(filters, name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the name of the filter.
        }
        throw fail(name + " must be a whole number, not '" + v + "'");
    }

    private static Set<String> lower(List<String> values) {
        return Set.copyOf(values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
    }

    private static RulesException fail(String problem) {
        return new RulesException("filter", 0, 0, null, problem);
    }
}
