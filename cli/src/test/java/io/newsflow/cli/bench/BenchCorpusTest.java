package io.newsflow.cli.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.schemas.avro.RawArticle;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchCorpusTest {

    private static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void buildsDistinctArticlesFromRealPagesWithOneExactCopyInFifty() {
        BenchCorpus corpus = BenchCorpus.load(List.of(SAMPLES));
        List<RawArticle> articles = corpus.articles(100, "t");
        assertTrue(corpus.pages() >= 3, "the sample pages have prose");
        Set<String> ids = new HashSet<>();
        Set<java.nio.ByteBuffer> bodies = new HashSet<>();
        articles.forEach(a -> {
            ids.add(a.getId());
            bodies.add(a.getBody());
        });
        assertEquals(100, ids.size(), "every article has its own URL and id");
        assertEquals(98, bodies.size(), "articles 49 and 99 copy the one before");
        assertArrayEquals(articles.get(48).getBody().array(), articles.get(49).getBody().array());
        assertNotEquals(articles.get(0).getBody(), articles.get(1).getBody());
    }

    @Test
    void percentileIsTheNearestRank() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertEquals(50, BenchMeter.percentile(sorted, 50));
        assertEquals(100, BenchMeter.percentile(sorted, 95));
        assertEquals(0, BenchMeter.percentile(new long[0], 99));
    }
}
