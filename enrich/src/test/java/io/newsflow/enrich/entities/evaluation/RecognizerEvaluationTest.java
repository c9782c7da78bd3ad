package io.newsflow.enrich.entities.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.entities.Entity;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.EntityType;
import io.newsflow.enrich.entities.Mention;
import io.newsflow.enrich.entities.tagger.ConllCorpus;
import io.newsflow.enrich.entities.tagger.Labels;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class RecognizerEvaluationTest {

    private static final ConllCorpus.Document DOC = new ConllCorpus.Document(List.of(
            new ConllCorpus.Sentence(List.of("Peter", "Nicol", "of", "Scotland", "won"),
                    List.of(new Labels.Span(0, 2, 0), new Labels.Span(3, 4, 2))),
            new ConllCorpus.Sentence(List.of("Leeds", "beat", "Arsenal"),
                    List.of(new Labels.Span(0, 1, 1), new Labels.Span(2, 3, 1)))));

    @Test
    void writesOneSentencePerLineAndMapsCharacterSpansBackToTokens() {
        ConllText text = ConllText.of(DOC);
        assertThat(text.text()).isEqualTo("Peter Nicol of Scotland won\nLeeds beat Arsenal");
        assertThat(text.tokens()).isEqualTo(8);
        assertThat(text.tokens(0, 11)).containsExactly(0, 0, 2);
        assertThat(text.tokens(39, 46)).containsExactly(1, 2, 3);
        assertThat(text.tokens(1, 11)).isNull(); // starts inside a token
        assertThat(text.tokens(24, 33)).isNull(); // crosses the line break
    }

    @Test
    void scoresExactSpansAndTypesAndCountsNamesAcrossLines() {
        // Right: Peter Nicol (PER), Arsenal (ORG). Wrong type: Scotland as ORG. Across the line: "won\nLeeds".
        EntityRecognizer recognizer = (title, text, language) -> List.of(
                new Entity("Peter Nicol", EntityType.PERSON, 1, List.of(new Mention(0, 11)), 1),
                new Entity("Scotland", EntityType.ORGANIZATION, 1, List.of(new Mention(15, 23)), 1),
                new Entity("won Leeds", EntityType.ORGANIZATION, 1, List.of(new Mention(24, 33)), 1),
                new Entity("Arsenal", EntityType.ORGANIZATION, 1, List.of(new Mention(39, 46)), 1));
        RecognizerEvaluation.Result r = RecognizerEvaluation.score(recognizer, List.of(DOC));
        assertThat(r.crossing()).isEqualTo(1);
        assertThat(r.scores().f1(0)).isEqualTo(1.0);
        // ORG: 1 right of 3 predicted, 1 of 2 gold; LOC: 0 of 1.
        assertThat(r.scores().f1(1)).isEqualTo(2.0 / 5.0);
        assertThat(r.scores().f1(2)).isZero();
        assertThat(r.scores().microPerOrgLoc()).isEqualTo(2 * 2.0 / (2 * 2 + 2 + 2));
    }

    @Test
    void measuresEveryRecognizerOnTheSameTexts() {
        Supplier<EntityRecognizer> none = () -> (title, text, language) -> List.of();
        Map<String, Double> speed = RecognizerEvaluation.tokensPerSecond(Map.of("none", none),
                List.of(ConllText.of(DOC)), 0, 3);
        assertThat(speed).containsOnlyKeys("none");
        assertThat(speed.get("none")).isPositive();
    }
}
