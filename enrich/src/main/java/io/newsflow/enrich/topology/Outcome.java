package io.newsflow.enrich.topology;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;

/** What the enrichment processor made of one raw record: an article or a dead letter. */
sealed interface Outcome {

    /** The record was enriched. */
    record Enriched(EnrichedArticle article) implements Outcome {
    }

    /** The record failed; the letter says where and why. */
    record Failed(DeadLetter letter) implements Outcome {
    }
}
