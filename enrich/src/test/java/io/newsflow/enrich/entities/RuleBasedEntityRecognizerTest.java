package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsflow.enrich.HostileText;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBasedEntityRecognizerTest {

    private static final EntityRecognizer RECOGNIZER = RuleBasedEntityRecognizer.fromClasspath();

    private static final String TEXT = "Prime Minister Jane Doerfler met Mr. Tomas Okafor in Lisbon on Monday. "
            + "Doerfler said the Northwind Energy Corporation would open an office in Portugal. "
            + "Okafor, who chairs the Atlantic Fisheries Council, told reporters that Northwind Energy Corporation "
            + "had agreed. Doerfler later flew to Madrid.";

    private static Entity named(List<Entity> entities, String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void resolvesSurnamesToTheFullNameWithAllMentions() {
        Entity doerfler = named(RECOGNIZER.recognize(null, TEXT, "en"), "Jane Doerfler");
        assertThat(doerfler.type()).isEqualTo(EntityType.PERSON);
        assertThat(doerfler.mentions()).isEqualTo(3);
    }

    @Test
    void stripsTitlesAndHonorificsFromNames() {
        List<Entity> entities = RECOGNIZER.recognize(null, TEXT, "en");
        assertThat(entities).extracting(Entity::name).contains("Tomas Okafor", "Jane Doerfler")
                .noneMatch(n -> n.startsWith("Mr") || n.startsWith("Prime"));
    }

    @Test
    void typesOrganisationsByTheirHeadWordAndPlacesByGazetteer() {
        List<Entity> entities = RECOGNIZER.recognize(null, TEXT, "en");
        assertThat(named(entities, "Northwind Energy Corporation").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Atlantic Fisheries Council").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Lisbon").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(entities, "Portugal").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void reportsOffsetsThatPointAtTheMentions() {
        for (Entity e : RECOGNIZER.recognize(null, TEXT, "en")) {
            for (Mention m : e.spans()) {
                String surface = TEXT.substring(m.start(), m.end());
                assertThat(e.name()).as("mention '%s' of %s", surface, e.name()).containsIgnoringCase(surface.split(" ")[0]);
            }
        }
    }

    @Test
    void countsHeadlineMentionsTowardsSalienceWithoutSpans() {
        List<Entity> entities = RECOGNIZER.recognize("Okafor backs Northwind plan", TEXT, "en");
        Entity okafor = named(entities, "Tomas Okafor");
        assertThat(okafor.mentions()).isEqualTo(3);
        assertThat(okafor.spans()).hasSize(2);
        assertThat(okafor.salience()).isGreaterThan(named(entities, "Madrid").salience());
    }

    @Test
    void ignoresSentenceInitialCapitalsOfOrdinaryWords() {
        List<Entity> entities = RECOGNIZER.recognize(null, "Officials said nothing. However, Berlin stayed calm.", "en");
        assertThat(entities).extracting(Entity::name).containsExactly("Berlin");
    }

    @Test
    void readsAShoutedDatelineAsAPlace() {
        List<Entity> entities = RECOGNIZER.recognize(null, "VIENNA — The ministry said on Tuesday that the house"
                + " will become a police station.", "en");
        assertThat(named(entities, "Vienna").type()).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void ignoresAcronymsOfCommonNouns() {
        List<Entity> entities = RECOGNIZER.recognize(null, "Doctors diagnosed hypersensitivity pneumonitis, or HP."
                + " HP is rare, Dr. Owen Marsh said.", "en");
        assertThat(entities).extracting(Entity::name).containsExactly("Owen Marsh");
    }

    @Test
    void keepsOnlyKnownNamesInTitleCaseLinkLines() {
        String text = "Police in Fort Worth arrested Michael Webb on Monday.\n"
                + "Man Shot At Gas Station Dies At Hospital\n"
                + "Webb was later convicted.";
        List<Entity> entities = RECOGNIZER.recognize(null, text, "en");
        assertThat(entities).extracting(Entity::name).containsExactlyInAnyOrder("Fort Worth", "Michael Webb");
    }

    @Test
    void typesAnUnknownNameByTheNounItIsAppositeTo() {
        List<Entity> entities = RECOGNIZER.recognize(null, "He grew up in Addison, a village near the lake,"
                + " and later joined Quillcorp, a startup, before meeting Pat Orwin, a lawyer.", "en");
        assertThat(named(entities, "Addison").type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(entities, "Quillcorp").type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(named(entities, "Pat Orwin").type()).isEqualTo(EntityType.PERSON);
    }

    @Test
    void returnsOnlyGazetteerBackedNamesForGermanText() {
        List<Entity> entities = RECOGNIZER.recognize(null, "Die Regierung in Berlin hat am Mittwoch neue Regeln"
                + " für den Datenschutz beschlossen, sagte Angela Merkel.", "de");
        assertThat(entities).extracting(Entity::name).contains("Berlin", "Angela Merkel")
                .doesNotContain("Regierung", "Regeln", "Datenschutz");
    }

    @Test
    void givesTheSameAnswerFromManyThreadsAtOnce() throws Exception {
        List<Entity> expected = RECOGNIZER.recognize(null, TEXT, "en");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<List<Entity>>>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> RECOGNIZER.recognize(null, TEXT, "en")));
            }
            for (var f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void returnsNothingForEmptyText() {
        assertThat(RECOGNIZER.recognize(null, "", "en")).isEmpty();
        assertThat(RECOGNIZER.recognize(null, null, null)).isEmpty();
    }

    @Test
    void sentenceMadeOfOneCapitalisedWordDoesNotBreakRecognition() {
        String text = "Die Hitze hält an.\n\nAnzeige\n\nIn Madrid wurden am Montag 44 Grad gemessen, sagte Ana Ruiz.";
        assertThat(RECOGNIZER.recognize("Hitzewelle", text, "de"))
                .anySatisfy(e -> assertThat(e.name()).isEqualTo("Madrid"));
    }

    // The timeouts below only stop a hang (these once ran for minutes); they assert no speed.

    @Test
    void resolvesAnArticleOfThousandsOfDistinctNames() {
        String text = HostileText.distinctPeople(10_000, 11);
        List<Entity> entities = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> RECOGNIZER.recognize(null, text, "en"));
        assertThat(entities).hasSizeGreaterThan(10_000);
    }

    /** Capitals prove nothing in a title-case line, and a line of 100,000 of them is no exception. */
    @Test
    void treatsAnEndlessTitleCaseLineAsAHeading() {
        String text = HostileText.capitalisedWords(100_000, 12);
        List<Entity> entities = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> RECOGNIZER.recognize(text.substring(0, 200), text, "en"));
        assertThat(entities).isEmpty();
    }

    @Test
    void readsHyphenChainsAndRunsOfMarksWithoutOverflowingTheStack() {
        String text = "Doerfler met Okafor in Lisbon. " + "a-".repeat(100_000) + " " + "!".repeat(100_000) + " "
                + "x.".repeat(100_000) + " " + "A. ".repeat(50_000) + "\nOkafor later flew to Madrid.";
        List<Entity> entities = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> RECOGNIZER.recognize(null, text, "en"));
        assertThat(entities).extracting(Entity::name).contains("Lisbon", "Madrid");
    }
}
