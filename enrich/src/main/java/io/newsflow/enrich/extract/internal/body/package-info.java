/**
 * The article body stage: removes furniture, picks the block holding the article and its continuations,
 * and renders it as text with a last boilerplate pass. Not for outside use.
 */
package io.newsflow.enrich.extract.internal.body;
