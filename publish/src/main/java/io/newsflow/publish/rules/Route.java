package io.newsflow.publish.rules;

import java.util.Locale;
import java.util.Objects;

/**
 * One downstream route: articles matching {@code rule} go to {@code topic} in {@code format}.
 *
 * @param name the route's name, unique in its file
 * @param topic the topic it writes to
 * @param format how it writes
 * @param rule what it takes
 * @param line the line of the route in its file (for messages)
 */
public record Route(String name, String topic, Format format, Rule rule, int line) {

    /** How a route writes its articles. */
    public enum Format {
        /** {@code EnrichedArticle} in the Confluent wire format, registered as {@code <topic>-value}. */
        AVRO,
        /** The JSON projection of {@code news.enriched.json.v1}, one UTF-8 line per record. */
        JSON;

        /** Parses {@code avro}/{@code json}, any case; null for anything else. */
        static Format parse(String s) {
            for (Format f : values()) {
                if (f.name().equals(s.toUpperCase(Locale.ROOT))) {
                    return f;
                }
            }
            return null;
        }
    }

    /** Checks that every part is present. */
    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(rule, "rule");
    }
}
