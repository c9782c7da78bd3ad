/** Streaming TF-IDF key phrases scored against the stream's running document frequencies. */
package io.newsflow.enrich.keywords;
