/**
 * Article extraction from raw page bytes: body text and metadata ({@link io.newsflow.enrich.extract.ArticleExtractor}),
 * and the batch runner behind {@code newsflow extract}. Pure Java on Jsoup; no Kafka or Avro.
 */
package io.newsflow.enrich.extract;
