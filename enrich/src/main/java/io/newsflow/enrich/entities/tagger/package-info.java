/**
 * The trained entity tagger: a greedy left-to-right averaged-perceptron sequence labeller over BILOU labels,
 * its features (word, shape, affixes, neighbours, line and document context, gazetteers, earlier decisions in the
 * same document), the CoNLL-2003 file format it learns from, and the trainer that rebuilds the shipped model.
 */
package io.newsflow.enrich.entities.tagger;
