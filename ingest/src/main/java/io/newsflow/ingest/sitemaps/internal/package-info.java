/**
 * crawler-commons adapter and bounded gunzip for the sitemap reader; not for outside use.
 */
package io.newsflow.ingest.sitemaps.internal;
