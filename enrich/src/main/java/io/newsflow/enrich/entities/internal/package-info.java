/** Tokenising, chunking, typing and in-article resolution behind the default recognizer; not for outside use. */
package io.newsflow.enrich.entities.internal;
