/**
 * Micrometer meters of the polite fetcher; not for outside use.
 */
package io.newsflow.ingest.politeness.internal;
