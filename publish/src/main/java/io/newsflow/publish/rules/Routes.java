package io.newsflow.publish.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The routes of a routes file, in file order. Parsing validates everything a route needs (names,
 * topics, formats, every condition) so that a bad file stops the service at start with a message
 * naming the line and the route, never at the first article.
 *
 * @param routes the routes, in file order
 */
public record Routes(List<Route> routes) {

    /** No routes: publish then only writes its own topics. */
    public static final Routes NONE = new Routes(List.of());

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    /** Kafka's own rule for topic names. */
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    /** Copies the list. */
    public Routes {
        routes = List.copyOf(routes);
    }

    /** Reads and validates a routes file. */
    public static Routes load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read routes file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses and validates a routes file's text; {@code source} names it in messages. */
    public static Routes parse(String source, String yaml) {
        YamlNode root = YamlNode.parse(source, yaml);
        if (root == null || root.kind != YamlNode.Kind.MAP || !root.map.containsKey("routes")) {
            throw new RulesException(source, root == null ? 0 : root.line, root == null ? 0 : root.column, null,
                    "expected a mapping with a 'routes:' list");
        }
        for (var key : root.keys.values()) {
            if (!key.text.equals("routes")) {
                throw new RulesException(source, key.line, key.column, null,
                        "unknown key '" + key.text + "' at the top level (expected: routes)");
            }
        }
        YamlNode list = root.map.get("routes");
        if (list.kind != YamlNode.Kind.LIST) {
            throw new RulesException(source, list.line, list.column, null, "'routes' must be a list, not "
                    + list.describe());
        }
        List<Route> out = new ArrayList<>();
        Map<String, Route> byName = new HashMap<>();
        Map<String, Route> byTopic = new HashMap<>();
        for (YamlNode node : list.list) {
            Route route = route(source, node);
            Route other = byName.putIfAbsent(route.name(), route);
            if (other != null) {
                throw new RulesException(source, node.line, node.column, route.name(),
                        "name already used by the route at line " + other.line());
            }
            other = byTopic.putIfAbsent(route.topic(), route);
            if (other != null) {
                throw new RulesException(source, node.line, node.column, route.name(), "topic '" + route.topic()
                        + "' is already the topic of route '" + other.name() + "' (line " + other.line() + ")");
            }
            out.add(route);
        }
        return new Routes(out);
    }

    /** The route of this name, if any. */
    public Optional<Route> byName(String name) {
        return routes.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The topics the routes write to, in file order. */
    public List<String> topics() {
        return routes.stream().map(Route::topic).toList();
    }

    /** The routes an article matches, in file order (possibly none). */
    public List<Route> matching(ArticleView article) {
        List<Route> out = new ArrayList<>(2);
        for (Route r : routes) {
            if (r.rule().test(article)) {
                out.add(r);
            }
        }
        return out;
    }

    private static Route route(String source, YamlNode node) {
        if (node.kind != YamlNode.Kind.MAP) {
            throw new RulesException(source, node.line, node.column, null,
                    "each route must be a mapping with name, topic, format and match, not " + node.describe());
        }
        YamlNode nameNode = node.map.get("name");
        if (nameNode == null || nameNode.kind != YamlNode.Kind.SCALAR || nameNode.text == null
                || !NAME.matcher(nameNode.text).matches()) {
            YamlNode at = nameNode == null ? node : nameNode;
            throw new RulesException(source, at.line, at.column, null,
                    "a route needs a 'name' of letters, digits, '.', '_' or '-'");
        }
        String name = nameNode.text;
        for (var key : node.keys.values()) {
            if (!List.of("name", "topic", "format", "match").contains(key.text)) {
                throw new RulesException(source, key.line, key.column, name, "unknown key '" + key.text
                        + "' (expected: name, topic, format, match)");
            }
        }
        YamlNode topic = node.map.get("topic");
        if (topic == null || topic.kind != YamlNode.Kind.SCALAR || topic.text == null
                || !TOPIC.matcher(topic.text).matches() || topic.text.equals(".") || topic.text.equals("..")) {
            YamlNode at = topic == null ? node : topic;
            throw new RulesException(source, at.line, at.column, name,
                    "needs a 'topic': a Kafka topic name (letters, digits, '.', '_', '-', at most 249)");
        }
        Route.Format format = Route.Format.AVRO;
        YamlNode formatNode = node.map.get("format");
        if (formatNode != null) {
            format = formatNode.text == null ? null : Route.Format.parse(formatNode.text);
            if (format == null) {
                throw new RulesException(source, formatNode.line, formatNode.column, name,
                        "format must be avro or json, not " + formatNode.describe());
            }
        }
        YamlNode match = node.map.get("match");
        if (match == null) {
            throw new RulesException(source, node.line, node.column, name,
                    "needs a 'match' condition (use 'match: {all: []}' to take every article)");
        }
        return new Route(name, topic.text, format, new Conditions(source, name).parse(match), node.line);
    }
}
