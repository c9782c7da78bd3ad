/**
 * The ingest service: its options, the loop that reads every {@link io.newsflow.ingest.sources.Source}
 * on its schedule (once, or following them until stopped), progress and the end summary.
 */
package io.newsflow.ingest.service;
