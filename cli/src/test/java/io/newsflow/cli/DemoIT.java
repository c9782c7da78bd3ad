package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code newsflow demo} over the shipped samples, on a real broker and registry: one JSON line
 * per page on stdout, and the Euronews sample judged against its hand labels.
 */
class DemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static int exitCode;
    private static final Map<String, JsonNode> BY_FILE = new HashMap<>();
    private static final List<String> LINES = new ArrayList<>();
    private static final List<String> ADDRESSES = new ArrayList<>();

    @BeforeAll
    static void runDemo() throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            exitCode = new CommandLine(new Newsflow()).execute("demo", Path.of("..", "samples").toString());
        } finally {
            System.setOut(original);
        }
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.matches("[a-z.]+=.*")) {
                ADDRESSES.add(line);
            } else if (!line.isBlank()) {
                LINES.add(line);
                JsonNode node = JSON.readTree(line);
                String url = node.get("url").asText();
                BY_FILE.put(url.substring(url.lastIndexOf('/') + 1), node);
            }
        }
    }

    @Test
    void exitsZeroAndPrintsOneJsonLinePerSamplePage() {
        assertThat(exitCode).isZero();
        assertThat(BY_FILE.keySet()).contains("euronews-uk-parliament-tiktok.html", "climat-accord-fr.html",
                "ai-chip-startup.html.gz", "heatwave-europe-de.html");
        assertThat(LINES).hasSize(BY_FILE.size());
    }

    @Test
    void printsTheBrokerAndPublishAddressesBeforeTheArticles() {
        assertThat(ADDRESSES).hasSize(2);
        assertThat(ADDRESSES.get(0)).startsWith("bootstrap.servers=127.0.0.1:");
        assertThat(ADDRESSES.get(1)).matches("publish\\.url=http://127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void euronewsRecordDropsPageFurnitureAndKeepsTheBody() throws IOException {
        JsonNode labels = labels();
        String text = euronews().get("text").asText();
        labels.get("body_must_include").forEach(s -> assertThat(text).contains(s.asText()));
        labels.get("body_must_exclude").forEach(s -> assertThat(text).doesNotContain(s.asText()));
        assertThat(euronews().get("title").asText()).isEqualTo(labels.get("title").asText());
        assertThat(euronews().get("language").asText()).isEqualTo("en");
    }

    @Test
    void euronewsRecordCarriesMostLabelledEntitiesWithTheirTypes() throws IOException {
        JsonNode entities = euronews().get("entities");
        int labelled = 0;
        int found = 0;
        List<String> missing = new ArrayList<>();
        for (var type : (Iterable<Map.Entry<String, JsonNode>>) labels().get("entities")::fields) {
            for (JsonNode aliases : type.getValue()) {
                labelled++;
                if (hasEntity(entities, type.getKey(), aliases)) {
                    found++;
                } else {
                    missing.add(type.getKey() + " " + aliases);
                }
            }
        }
        assertThat((double) found / labelled).as("labelled entities found with their type; missing %s", missing)
                .isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void latin1PageIsDecodedFromItsDeclaredCharset() {
        String text = BY_FILE.get("climat-accord-fr.html").get("text").asText();
        assertThat(text).contains("é").doesNotContain("\uFFFD").doesNotContain("Ã©");
        assertThat(BY_FILE.get("climat-accord-fr.html").get("language").asText()).isEqualTo("fr");
        assertThat(BY_FILE.get("heatwave-europe-de.html").get("language").asText()).isEqualTo("de");
    }

    private static boolean hasEntity(JsonNode entities, String type, JsonNode aliases) {
        for (JsonNode e : entities) {
            if (!e.get("type").asText().equals(type)) {
                continue;
            }
            String name = e.get("name").asText().toLowerCase(Locale.ROOT);
            for (JsonNode alias : aliases) {
                String a = alias.asText().toLowerCase(Locale.ROOT);
                if (name.equals(a) || name.endsWith(" " + a) || a.endsWith(" " + name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode euronews() {
        return BY_FILE.get("euronews-uk-parliament-tiktok.html");
    }

    private static JsonNode labels() throws IOException {
        try (InputStream in = DemoIT.class.getResourceAsStream("/samples/euronews-uk-parliament-tiktok.expected.json")) {
            return JSON.readTree(in);
        }
    }
}
