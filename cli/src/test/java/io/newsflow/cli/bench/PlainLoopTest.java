package io.newsflow.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.service.EnrichService;
import io.newsflow.schemas.config.ServiceConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlainLoopTest {

    @Test
    void runsEveryConfiguredStepAndTheDuplicateSearchOnEachArticle() throws InterruptedException {
        ServiceConfig config = ServiceConfig.load(EnrichService.DEFAULTS, null, Map.of(), Map.of());
        var articles = BenchCorpus.load(List.of(Path.of("..", "samples"))).articles(12, "loop");

        PlainLoop.Result result = PlainLoop.run(() -> EnrichService.stepsOutsideKafka(config), articles, 2, 0.5);

        assertThat(result.articles()).isEqualTo(12);
        assertThat(result.stepFailures()).isZero();
        assertThat(result.msPerArticle().keySet())
                .containsExactly("extract", "language", "entities", "topics", "keywords", "summary", "dedupe");
        assertThat(result.msPerArticle().values()).allSatisfy(ms -> assertThat(ms).isPositive());
        assertThat(result.line()).contains("12 articles on 2 threads", "0 failures", "entities");
    }
}
