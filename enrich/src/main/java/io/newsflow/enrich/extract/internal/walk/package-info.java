/**
 * The one walk over a parsed page: class and id words of each element, block text statistics and the
 * index of elements the metadata rules read, shared by the body and metadata stages. Not for outside use.
 */
package io.newsflow.enrich.extract.internal.walk;
