/** IPTC Media Topics (top level) from a weighted lexicon plus section, URL and keyword hints. */
package io.newsflow.enrich.topics;
