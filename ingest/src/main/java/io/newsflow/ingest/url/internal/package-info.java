/**
 * Percent-encoding and dot-segment helpers of the canonicalizer; not for outside use.
 */
package io.newsflow.ingest.url.internal;
