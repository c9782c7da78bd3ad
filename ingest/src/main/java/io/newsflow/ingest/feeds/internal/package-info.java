/**
 * ROME and Jackson adapters behind FeedReader; not for outside use.
 */
package io.newsflow.ingest.feeds.internal;
