/** The topic lexicon parser; not for outside use. */
package io.newsflow.enrich.topics.internal;
