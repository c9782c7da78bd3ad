package io.newsflow.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrainedEntityRecognizerTest {

    private static final TrainedEntityRecognizer RECOGNIZER = TrainedEntityRecognizer.fromClasspath();

    private static Optional<Entity> named(List<Entity> found, String name) {
        return found.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Test
    void findsTypesAndPlacesNamesWithOffsetsIntoTheBody() {
        String text = "German Chancellor Angela Merkel met French President Emmanuel Macron in Paris on Monday.\n"
                + "Merkel said the European Union would back Airbus.";
        List<Entity> found = RECOGNIZER.recognize("Merkel and Macron meet in Paris", text, "en");
        Entity merkel = named(found, "Angela Merkel").orElseThrow();
        assertThat(merkel.type()).isEqualTo(EntityType.PERSON);
        // "Merkel" in the body joins the full name; the headline mention counts but has no span.
        assertThat(merkel.spans()).extracting(m -> text.substring(m.start(), m.end()))
                .containsExactly("Angela Merkel", "Merkel");
        assertThat(merkel.mentions()).isEqualTo(3);
        assertThat(named(found, "Emmanuel Macron").orElseThrow().type()).isEqualTo(EntityType.PERSON);
        assertThat(named(found, "Paris").orElseThrow().type()).isEqualTo(EntityType.LOCATION);
        assertThat(named(found, "European Union").orElseThrow().type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(found.get(0).salience()).isEqualTo(1.0);
    }

    @Test
    void readsTypographicQuotesAndApostrophesLikeAscii() {
        String text = "“We are cooperating,” said WeWork’s founder Adam Neumann in New York.";
        List<Entity> found = RECOGNIZER.recognize(null, text, "en");
        assertThat(named(found, "Adam Neumann")).get().extracting(Entity::type).isEqualTo(EntityType.PERSON);
        assertThat(named(found, "New York")).get().extracting(Entity::type).isEqualTo(EntityType.LOCATION);
        assertThat(TrainedEntityRecognizer.ascii("“WeWork’s”—")).isEqualTo("\"WeWork's\"-");
    }

    @Test
    void namesGazetteerAliasesByTheirCanonicalName() {
        List<Entity> found = RECOGNIZER.recognize(null,
                "Officials in the U.S. said on Tuesday that talks with Iran would resume.", "en");
        assertThat(named(found, "United States")).get().extracting(Entity::type).isEqualTo(EntityType.LOCATION);
    }

    @Test
    void leavesOtherLanguagesToTheRuleBasedRecognizer() {
        String text = "Bundeskanzler Olaf Scholz reiste am Montag nach Berlin und traf dort Vertreter der Regierung.";
        assertThat(RECOGNIZER.recognize(null, text, "de"))
                .isEqualTo(RuleBasedEntityRecognizer.fastFromClasspath().recognize(null, text, "de"));
    }

    @Test
    void aHeadingKeepsOnlyNamesTheProseOrAGazetteerConfirms() {
        String text = "Police in Plano said a woman was found dead on Sunday.\n"
                + "More Stories\n"
                + "Woman Found Dead In Plano Apartment\n"
                + "Identify Man Shot Near Station\n";
        List<Entity> found = RECOGNIZER.recognize(null, text, "en");
        assertThat(found).extracting(Entity::name).contains("Plano")
                .noneMatch(n -> n.contains("Woman") || n.contains("Man") || n.contains("Station"));
        Entity plano = named(found, "Plano").orElseThrow();
        // Its mention in the heading is kept: the prose names Plano.
        assertThat(plano.spans()).hasSize(2);
    }

    @Test
    void aResultsLineIsNoHeading() {
        String text = "Seeded players advanced at the tournament on Thursday.\n"
                + "Hendrik Dreekmann (Germany) beat Thomas Johansson (Sweden)\n";
        List<Entity> found = RECOGNIZER.recognize(null, text, "en");
        assertThat(found).extracting(Entity::name).contains("Hendrik Dreekmann", "Thomas Johansson", "Germany",
                "Sweden");
    }

    @Test
    void emptyAndBlankTextsHaveNoEntities() {
        assertThat(RECOGNIZER.recognize(null, "", "en")).isEmpty();
        assertThat(RECOGNIZER.recognize("   ", "  \n\n ", null)).isEmpty();
        assertThat(RECOGNIZER.recognize(null, null, "und")).isEmpty();
    }
}
