package io.newsflow.publish.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns the {@code match:} part of a route into a {@link Rule}, checking every condition. */
final class Conditions {

    static final List<String> KEYS = List.of("all", "any", "not", "language", "topic", "entity", "keyphrase",
            "site", "words", "duplicate");
    static final Set<String> ENTITY_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");

    private final String source;
    private final String route;

    Conditions(String source, String route) {
        this.source = source;
        this.route = route;
    }

    /** A mapping of conditions, all of which must hold. */
    Rule parse(YamlNode node) {
        if (node.kind != YamlNode.Kind.MAP || node.map.isEmpty()) {
            throw error(node, "a condition must be a mapping such as {language: en}, not " + node.describe());
        }
        List<Rule> parts = new ArrayList<>();
        node.map.forEach((key, value) -> parts.add(condition(node.keys.get(key), value)));
        return parts.size() == 1 ? parts.get(0) : new Rule.All(parts);
    }

    private Rule condition(YamlNode key, YamlNode value) {
        return switch (key.text) {
            case "all" -> new Rule.All(list(value, true));
            case "any" -> new Rule.AnyOf(list(value, false));
            case "not" -> new Rule.Not(parse(value));
            case "language" -> new Rule.Language(lowerSet(value));
            case "topic" -> anyOf(value, this::topic);
            case "entity" -> anyOf(value, this::entity);
            case "keyphrase" -> anyOf(value, v -> new Rule.Keyphrase(scalar(v).toLowerCase(Locale.ROOT)));
            case "site" -> new Rule.Site(lowerSet(value));
            case "words" -> words(value);
            case "duplicate" -> {
                if (!value.isBoolean()) {
                    throw error(value, "duplicate must be true (only near-duplicates) or false (no near-duplicates),"
                            + " not " + value.describe());
                }
                yield new Rule.Duplicate(Boolean.parseBoolean(value.text));
            }
            default -> throw error(key, "unknown condition '" + key.text + "' (expected one of " + KEYS + ")");
        };
    }

    private List<Rule> list(YamlNode value, boolean emptyAllowed) {
        if (value.kind != YamlNode.Kind.LIST || (!emptyAllowed && value.list.isEmpty())) {
            throw error(value, "all/any take a " + (emptyAllowed ? "" : "non-empty ") + "list of conditions, not "
                    + value.describe());
        }
        List<Rule> out = new ArrayList<>();
        value.list.forEach(v -> out.add(parse(v)));
        return out;
    }

    private Rule anyOf(YamlNode value, java.util.function.Function<YamlNode, Rule> one) {
        if (value.kind != YamlNode.Kind.LIST) {
            return one.apply(value);
        }
        if (value.list.isEmpty()) {
            throw error(value, "an empty list matches nothing");
        }
        List<Rule> out = new ArrayList<>();
        value.list.forEach(v -> out.add(one.apply(v)));
        return new Rule.AnyOf(out);
    }

    private Rule topic(YamlNode value) {
        if (value.kind == YamlNode.Kind.SCALAR) {
            return new Rule.Topic(scalar(value), 0);
        }
        checkKeys(value, "topic", "name", "min-score");
        YamlNode name = value.map.get("name");
        if (name == null) {
            throw error(value, "topic needs a 'name' (an IPTC label such as politics, or a code such as medtop:11000000)");
        }
        return new Rule.Topic(scalar(name), fraction(value.map.get("min-score")));
    }

    private Rule entity(YamlNode value) {
        if (value.kind == YamlNode.Kind.SCALAR) {
            return new Rule.Entity(scalar(value), null, 0);
        }
        checkKeys(value, "entity", "name", "type", "min-salience");
        YamlNode name = value.map.get("name");
        YamlNode type = value.map.get("type");
        if (name == null && type == null) {
            throw error(value, "entity needs a 'name', a 'type' or both");
        }
        String typeName = null;
        if (type != null) {
            typeName = scalar(type).toUpperCase(Locale.ROOT);
            if (!ENTITY_TYPES.contains(typeName)) {
                throw error(type, "entity type must be one of " + ENTITY_TYPES.stream().sorted().toList() + ", not "
                        + type.describe());
            }
        }
        return new Rule.Entity(name == null ? null : scalar(name), typeName, fraction(value.map.get("min-salience")));
    }

    private Rule words(YamlNode value) {
        checkKeys(value, "words", "min", "max");
        if (value.map.isEmpty()) {
            throw error(value, "words needs min, max or both");
        }
        int min = count(value.map.get("min"), 0);
        int max = count(value.map.get("max"), Integer.MAX_VALUE);
        if (min > max) {
            throw error(value, "words: min " + min + " is over max " + max);
        }
        return new Rule.Words(min, max);
    }

    private void checkKeys(YamlNode value, String what, String... allowed) {
        if (value.kind != YamlNode.Kind.MAP) {
            throw error(value, what + " takes a text, a list or a mapping of " + List.of(allowed) + ", not "
                    + value.describe());
        }
        for (YamlNode key : value.keys.values()) {
            if (!List.of(allowed).contains(key.text)) {
                throw error(key, "unknown key '" + key.text + "' in " + what + " (expected: " + String.join(", ", allowed)
                        + ")");
            }
        }
    }

    private Set<String> lowerSet(YamlNode value) {
        Set<String> out = new LinkedHashSet<>();
        if (value.kind == YamlNode.Kind.LIST) {
            if (value.list.isEmpty()) {
                throw error(value, "an empty list matches nothing");
            }
            value.list.forEach(v -> out.add(scalar(v).toLowerCase(Locale.ROOT)));
        } else {
            out.add(scalar(value).toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(out);
    }

    private String scalar(YamlNode value) {
        if (value.kind != YamlNode.Kind.SCALAR || value.text == null || value.text.isBlank()) {
            throw error(value, "expected a text, not " + value.describe());
        }
        return value.text.trim();
    }

    private double fraction(YamlNode value) {
        if (value == null) {
            return 0;
        }
        double d = value.isNumber() ? Double.parseDouble(value.text) : -1;
        if (!(d >= 0 && d <= 1)) {
            throw error(value, "expected a number from 0 to 1, not " + value.describe());
        }
        return d;
    }

    private int count(YamlNode value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.token != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT || Long.parseLong(value.text) < 0
                || Long.parseLong(value.text) > Integer.MAX_VALUE) {
            throw error(value, "expected a whole number of words, not " + value.describe());
        }
        return Integer.parseInt(value.text);
    }

    private RulesException error(YamlNode at, String problem) {
        return new RulesException(source, at.line, at.column, route, problem);
    }
}
