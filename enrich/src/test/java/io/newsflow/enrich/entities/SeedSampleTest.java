package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The seed Euronews article: the body (as an extractor would hand it over) against its hand labels. */
class SeedSampleTest {

    // The default of the entities step (see Steps).
    private static final EntityRecognizer RECOGNIZER = TrainedEntityRecognizer.fromClasspath();

    @Test
    void findsAllButAtMostOneLabelledEntityWithTheRightType() throws IOException {
        String page = read("euronews-uk-parliament-tiktok.txt");
        JsonNode expected = new ObjectMapper().readTree(read("euronews-uk-parliament-tiktok.expected.json"));
        List<Entity> found = RECOGNIZER.recognize(expected.get("title").asText(), body(page), "en");

        List<String> missing = new ArrayList<>();
        int total = 0;
        for (String type : List.of("PERSON", "ORGANIZATION", "LOCATION")) {
            for (JsonNode aliases : expected.get("entities").get(type)) {
                total++;
                if (!foundWithType(found, aliases, EntityType.valueOf(type))) {
                    missing.add(type + " " + aliases);
                }
            }
        }
        assertThat(total).isEqualTo(21);
        assertThat(missing).as("missing of %d", total).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void resolvesHonorificsAndShortFormsToOneNormalisedPerson() throws IOException {
        String page = read("euronews-uk-parliament-tiktok.txt");
        List<Entity> found = RECOGNIZER.recognize(null, body(page), "en");
        assertThat(found).extracting(Entity::name).contains("Lindsay Hoyle", "John McFall")
                .doesNotContain("Sir Lindsay Hoyle", "Lord John McFall");
    }

    @Test
    void ranksTheHeadlineSubjectMostSalient() throws IOException {
        String page = read("euronews-uk-parliament-tiktok.txt");
        List<Entity> found = RECOGNIZER.recognize(page.substring(0, page.indexOf('\n')), body(page), "en");
        assertThat(found.get(0).name().toLowerCase(Locale.ROOT)).isEqualTo("tiktok");
        assertThat(found.get(0).salience()).isEqualTo(1.0);
    }

    private static boolean foundWithType(List<Entity> found, JsonNode aliases, EntityType type) {
        for (JsonNode alias : aliases) {
            String a = alias.asText().toLowerCase(Locale.ROOT);
            if (found.stream().anyMatch(e -> e.type() == type && e.name().toLowerCase(Locale.ROOT).equals(a))) {
                return true;
            }
        }
        return false;
    }

    /** The article body: from the standfirst to the last paragraph, without the page furniture around it. */
    static String body(String page) {
        int start = page.indexOf("The UK Government's Tiktok");
        int end = page.indexOf("Share this articleComments\n\nYou might");
        return page.substring(start, end);
    }

    static String read(String name) throws IOException {
        try (InputStream in = SeedSampleTest.class.getResourceAsStream("/entities/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
