package io.newsflow.publish.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML tree that remembers where each node was (Jackson's own tree forgets locations), so that a
 * mistake in a routes file is reported at its line and column.
 */
final class YamlNode {

    enum Kind { MAP, LIST, SCALAR }

    final Kind kind;
    final int line;
    final int column;
    final String text;
    final JsonToken token;
    final Map<String, YamlNode> map;
    final Map<String, YamlNode> keys;
    final List<YamlNode> list;

    private YamlNode(Kind kind, JsonLocation at, String text, JsonToken token) {
        this.kind = kind;
        this.line = at.getLineNr();
        this.column = at.getColumnNr();
        this.text = text;
        this.token = token;
        this.map = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
        this.keys = kind == Kind.MAP ? new LinkedHashMap<>() : Map.of();
        this.list = kind == Kind.LIST ? new ArrayList<>() : List.of();
    }

    /** Parses one YAML document; null for an empty one. */
    static YamlNode parse(String source, String yaml) {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken t = p.nextToken();
            return t == null ? null : read(source, p);
        } catch (IOException e) {
            throw invalid(source, e);
        }
    }

    /**
     * The parser's complaint in one line at the place it names: SnakeYAML says where a construct
     * began and then where the problem is ("expected ',' or ']'", line 3); the last place and the
     * last unindented line are the mistake.
     */
    private static RulesException invalid(String source, IOException e) {
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : e.getMessage();
        JsonLocation at = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getLocation() : null;
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String problem = "";
        java.util.regex.Matcher place = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)").matcher(
                message == null ? "" : message);
        while (place.find()) {
            line = Integer.parseInt(place.group(1));
            column = Integer.parseInt(place.group(2));
        }
        for (String l : (message == null ? "" : message).split("\n")) {
            if (!l.isBlank() && !Character.isWhitespace(l.charAt(0))) {
                problem = l.trim();
            }
        }
        return new RulesException(source, line, column, null, "not valid YAML: " + problem);
    }

    private static YamlNode read(String source, JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            YamlNode n = new YamlNode(Kind.MAP, at, null, t);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                YamlNode keyNode = new YamlNode(Kind.SCALAR, p.currentTokenLocation(), key, JsonToken.FIELD_NAME);
                if (n.map.containsKey(key)) {
                    throw new RulesException(source, keyNode.line, keyNode.column, null,
                            "key '" + key + "' appears twice (first at line " + n.keys.get(key).line + ")");
                }
                p.nextToken();
                n.keys.put(key, keyNode);
                n.map.put(key, read(source, p));
            }
            return n;
        }
        if (t == JsonToken.START_ARRAY) {
            YamlNode n = new YamlNode(Kind.LIST, at, null, t);
            while (p.nextToken() != JsonToken.END_ARRAY) {
                n.list.add(read(source, p));
            }
            return n;
        }
        return new YamlNode(Kind.SCALAR, at, t == JsonToken.VALUE_NULL ? null : p.getText(), t);
    }

    boolean isNumber() {
        return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    boolean isBoolean() {
        return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
    }

    String describe() {
        return switch (kind) {
            case MAP -> "a mapping";
            case LIST -> "a list";
            case SCALAR -> text == null ? "nothing" : "'" + text + "'";
        };
    }
}
