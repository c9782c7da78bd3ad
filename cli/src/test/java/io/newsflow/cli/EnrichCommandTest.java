package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EnrichCommandTest {

    @Test
    void saysNothingWhenTheNearDuplicateSearchHasAsManyPartitionsAsTheRawTopic() {
        assertThat(EnrichCommand.dedupePartitionsAdvice("news.raw.v1", 6, 6)).isEmpty();
    }

    @Test
    void warnsWithTheSettingToUseWhenTheCountsDiffer() {
        assertThat(EnrichCommand.dedupePartitionsAdvice("news.raw.v1", 3, 6)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("warning: news.raw.v1 has 3 partitions but enrich.dedupe.partitions is 6")
                .contains("set enrich.dedupe.partitions=3"));
    }
}
