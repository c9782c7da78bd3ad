/**
 * One HTTP fetch done safely: manual redirects vetted by the SSRF guard, size and time limits,
 * HTML-only filtering, retries; results carry a status instead of throwing.
 */
package io.newsflow.ingest.fetch;
