/**
 * Where URLs come from and what a document is: URL lists from files or stdin, and content
 * sniffing that tells feeds, sitemaps and HTML apart.
 */
package io.newsflow.ingest.discovery;
