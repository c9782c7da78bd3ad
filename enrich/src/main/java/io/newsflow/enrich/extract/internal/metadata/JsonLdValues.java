package io.newsflow.enrich.extract.internal.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the loosely typed values JSON-LD allows (string, object, array of either) as plain strings. */
final class JsonLdValues {

    private JsonLdValues() {
    }

    /** First textual value: the string itself, the first array element, or an object's @value/name. */
    static String text(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.isEmpty() ? null : text(n.get(0));
        }
        if (n.isObject()) {
            return text(n.has("@value") ? n.get("@value") : n.get("name"));
        }
        String s = n.asText().trim();
        return s.isEmpty() ? null : s;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> {
                if (x.isValueNode()) {
                    out.add(x.asText());
                }
            });
        } else if (n.isValueNode()) {
            out.add(n.asText());
        }
        return out;
    }

    /** Names of persons or organisations given as strings, objects or arrays of them. */
    static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> out.addAll(names(x)));
        } else if (n.isObject()) {
            String name = text(n.get("name"));
            if (name != null) {
                out.add(name);
            }
        } else {
            String s = n.asText().trim();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Names of the nodes typed Person (objects without a type count as people too). */
    static List<String> people(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> out.addAll(people(x)));
        } else if (n.isObject()) {
            List<String> types = strings(n.get("@type"));
            String name = text(n.get("name"));
            if (name != null && (types.isEmpty() || types.stream().anyMatch(t -> t.endsWith("Person")))) {
                out.add(name);
            }
        }
        return out;
    }

    static String firstName(JsonNode n) {
        List<String> names = names(n);
        return names.isEmpty() ? null : names.get(0);
    }

    /** An image or link given as a string, an ImageObject, or an array of either. */
    static String url(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isArray()) {
            return n.isEmpty() ? null : url(n.get(0));
        }
        if (n.isObject()) {
            String u = text(n.get("url"));
            return u != null ? u : text(n.get("contentUrl"));
        }
        return text(n);
    }

    static String idOf(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isObject()) {
            String id = text(n.get("@id"));
            return id != null ? id : text(n.get("url"));
        }
        return text(n);
    }

    static List<String> keywords(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(x -> out.addAll(keywords(x)));
            return out;
        }
        for (String k : n.asText().split(",")) {
            if (!k.isBlank()) {
                out.add(k.trim());
            }
        }
        return out;
    }
}
