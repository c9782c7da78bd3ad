package io.newsflow.enrich.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.FeedHints;
import io.newsflow.schemas.avro.Processing;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractStepTest {

    private static final String PAGE = "<html><body><article><p>The harbour bridge reopened on Monday after two "
            + "years of repairs, the council said, and the first buses crossed it at dawn.</p></article></body></html>";

    @Test
    void dropsControlCharactersFromFeedHintsAsFromThePage() {
        FeedHints hints = FeedHints.newBuilder().setTitle("Harbour\u0001 bridge\u0085 reopens")
                .setSummary("\u0001\u0002".repeat(100_000) + "Buses cross again.").setAuthors(List.of("Ann\u0007 Lee", "\u0003"))
                .build();
        RawArticle raw = RawArticle.newBuilder().setId("a1").setUrl("https://gazette.test/a1")
                .setFetchedAt(Instant.EPOCH).setHttpStatus(200).setContentType("text/html")
                .setBody(ByteBuffer.wrap(PAGE.getBytes(StandardCharsets.UTF_8)))
                .setSource(new Source(SourceKind.FEED, "feed")).setHints(hints).build();
        EnrichedArticle.Builder out = EnrichedArticle.newBuilder().setId("a1").setUrl(raw.getUrl()).setText("")
                .setFetchedAt(Instant.EPOCH).setSource(raw.getSource())
                .setProcessing(Processing.newBuilder().setEnrichedAt(Instant.EPOCH).setPipelineVersion("t").build());
        new ExtractStep(new ArticleExtractor()).apply(new ArticleDraft(raw, out));
        assertThat(out.getTitle()).isEqualTo("Harbour bridge reopens");
        assertThat(out.getDescription()).isEqualTo("Buses cross again.");
        assertThat(out.getAuthors()).containsExactly("Ann Lee");
        assertThat(out.getText()).startsWith("The harbour bridge reopened");
    }
}
