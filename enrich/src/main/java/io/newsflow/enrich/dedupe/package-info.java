/** Exact and near-duplicate detection with MinHash signatures, LSH bands and containment scores. */
package io.newsflow.enrich.dedupe;
