/**
 * The metadata stage: title, authors, dates, language hint, canonical URL, image and the rest, each from
 * the most reliable source a page has (JSON-LD, meta tags, bylines, the URL). Not for outside use.
 */
package io.newsflow.enrich.extract.internal.metadata;
