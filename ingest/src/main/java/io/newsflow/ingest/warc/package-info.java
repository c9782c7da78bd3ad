/**
 * WARC/WARC.gz backfill: HTML response records with their original fetch time, resumable after a
 * checkpointed offset.
 */
package io.newsflow.ingest.warc;
