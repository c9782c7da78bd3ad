/**
 * Sitemaps, sitemap indexes, Google News and text sitemaps via crawler-commons, discovered
 * through robots.txt, walked with bounds.
 */
package io.newsflow.ingest.sitemaps;
