package io.newsflow.enrich.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexiconTopicClassifierTest {

    private static final TopicClassifier CLASSIFIER = LexiconTopicClassifier.fromClasspath();

    @Test
    void classifiesAGameReportAsSportFromTextAlone() {
        List<Topic> topics = CLASSIFIER.classify("Eagles rout Huskies", "The quarterback threw for three touchdowns"
                + " and the team snapped an 11-game losing streak. The coach praised the defense after the game.",
                null, null, null);
        assertThat(topics.get(0).code()).isEqualTo("medtop:15000000");
        assertThat(topics.get(0).label()).isEqualTo("sport");
    }

    @Test
    void classifiesEarningsNewsAsEconomy() {
        List<Topic> topics = CLASSIFIER.classify(null, "The retailer reported quarterly earnings above estimates as"
                + " revenue rose 3 percent; shares fell in early trading and analysts cut their forecast.", null, null, null);
        assertThat(topics.get(0).label()).isEqualTo("economy, business and finance");
    }

    @Test
    void letsTheUrlSectionDecideBetweenCloseCandidates() {
        String text = "The company announced a new smartphone app for investors.";
        List<Topic> withHint = CLASSIFIER.classify(null, text, "https://example.com/markets/2024/story", null, null);
        assertThat(withHint.get(0).label()).isEqualTo("economy, business and finance");
    }

    @Test
    void usesTheSectionAndKeywordsWithoutAnyText() {
        assertThat(CLASSIFIER.classify(null, null, null, "Politics", null).get(0).label()).isEqualTo("politics");
        assertThat(CLASSIFIER.classify(null, null, null, null, List.of("tennis")).get(0).label()).isEqualTo("sport");
    }

    @Test
    void scoresFormADistributionBestFirst() {
        List<Topic> topics = CLASSIFIER.classify("Senate passes climate bill", "Lawmakers voted on emissions rules"
                + " and carbon targets; the senator said the election campaign would follow.", null, null, null);
        assertThat(topics).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(topics.stream().mapToDouble(Topic::score).sum()).isBetween(0.5, 1.001);
    }

    @Test
    void returnsNoTopicWhenNothingPointsAnywhere() {
        assertThat(CLASSIFIER.classify(null, "Lorem ipsum dolor sit amet.", null, null, null)).isEmpty();
    }
}
