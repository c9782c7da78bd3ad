package io.newsflow.enrich.summary;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeadSummarizerTest {

    private final LeadSummarizer summarizer = new LeadSummarizer();

    @Test
    void takesTheLeadSentencesWithoutTheDateline() {
        String text = "HAYWARD, Calif. (AP) — A man was stabbed to death on a commuter train on Tuesday, police said."
                + " The suspect ran from the station and was arrested a block away. Officials gave no other details.";
        assertThat(summarizer.summarize(null, text, "en", 2)).isEqualTo("A man was stabbed to death on a commuter"
                + " train on Tuesday, police said. The suspect ran from the station and was arrested a block away.");
    }

    @Test
    void skipsCaptionsSharingButtonsAndAHeadlineRepeat() {
        String text = "UK Parliament shuts down its TikTok account\nShare this articleComments\n"
                + "Photo by AFP\nThe UK government has shut down a pilot TikTok account following concerns about data.";
        assertThat(summarizer.summarize("UK Parliament shuts down its TikTok account", text, "en", 3))
                .isEqualTo("The UK government has shut down a pilot TikTok account following concerns about data.");
    }

    @Test
    void keepsAbbreviationsInsideASentence() {
        String text = "Rep. Ilhan Omar asked the U.S. Attorney for compassion during the sentencing on Tuesday. Next.";
        assertThat(summarizer.summarize(null, text, "en", 1))
                .isEqualTo("Rep. Ilhan Omar asked the U.S. Attorney for compassion during the sentencing on Tuesday.");
    }

    @Test
    void returnsEmptyForAnEmptyBody() {
        assertThat(summarizer.summarize("Title", "", "en", 2)).isEmpty();
    }

    /** Each position of a run of marks used to rescan the rest of it; the timeout only stops a hang. */
    @Test
    void splitsPastLongRunsOfEndMarks() {
        String text = "!".repeat(500_000) + " The council approved the riverside park on Monday evening after a vote.";
        String summary = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> summarizer.summarize(null, text, "en", 3));
        assertThat(summary).isEqualTo("The council approved the riverside park on Monday evening after a vote.");
    }
}
