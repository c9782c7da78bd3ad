/** Shingle hashing; not for outside use. */
package io.newsflow.enrich.dedupe.internal;
