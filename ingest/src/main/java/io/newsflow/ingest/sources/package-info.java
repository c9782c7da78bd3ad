/**
 * Where ingest finds pages: feeds, sitemaps and sites, URLs and URL lists, folders and WARC archives,
 * each a {@link io.newsflow.ingest.sources.Source} that the ingest service reads on its schedule.
 */
package io.newsflow.ingest.sources;
