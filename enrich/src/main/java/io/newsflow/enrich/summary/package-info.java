/** Extractive lead summaries. */
package io.newsflow.enrich.summary;
