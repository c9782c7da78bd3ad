package io.newsflow.ingest.feeds.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.discovery.SourceKind;
import io.newsflow.ingest.feeds.Feed;
import io.newsflow.ingest.feeds.FeedItem;
import io.newsflow.ingest.feeds.FeedParseException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0/1.1 (https://www.jsonfeed.org/version/1.1/) via Jackson's tree model. */
public final class JsonFeeds {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFeeds() {
    }

    /** Parses JSON Feed bytes; relative item URLs are resolved against {@code base}. */
    public static Feed parse(byte[] body, URI base) throws FeedParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new FeedParseException("invalid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeedParseException("unreadable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.path("version").asText("").contains("jsonfeed.org/version")) {
            throw new FeedParseException("not a JSON Feed: missing jsonfeed.org version", null);
        }
        String feedTitle = Text.clean(textOrNull(root, "title"));
        List<FeedItem> items = new ArrayList<>();
        int skipped = 0;
        for (JsonNode item : root.path("items")) {
            String url = Links.absolute(base, textOrNull(item, "url"));
            if (url == null) {
                url = Links.absolute(base, textOrNull(item, "external_url"));
            }
            if (url == null) {
                skipped++;
                continue;
            }
            String summary = textOrNull(item, "summary");
            items.add(new FeedItem(url, Text.clean(textOrNull(item, "title")), date(item), authors(root, item),
                    summary != null ? summary.strip() : textOrNull(item, "content_text"), feedTitle));
        }
        return new Feed(feedTitle, SourceKind.JSON_FEED, items, skipped);
    }

    private static Instant date(JsonNode item) {
        String s = textOrNull(item, "date_published");
        if (s == null) {
            s = textOrNull(item, "date_modified");
        }
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null; // a bad date is a missing hint, not a bad item
        }
    }

    /** Item authors (1.1 array or 1.0 object), falling back to the feed's authors. */
    private static List<String> authors(JsonNode root, JsonNode item) {
        List<String> names = names(item);
        return names.isEmpty() ? names(root) : names;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : node.path("authors")) {
            addName(names, a);
        }
        if (names.isEmpty() && node.has("author")) {
            addName(names, node.get("author"));
        }
        return names;
    }

    private static void addName(List<String> names, JsonNode author) {
        String name = Text.clean(textOrNull(author, "name"));
        if (name != null && !names.contains(name)) {
            names.add(name);
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }
}
