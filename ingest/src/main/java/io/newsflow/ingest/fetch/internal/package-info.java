/**
 * Body reading, deadlines and back-off used by the fetcher; not for outside use.
 */
package io.newsflow.ingest.fetch.internal;
