/**
 * Scoring any {@link io.newsflow.enrich.entities.EntityRecognizer} the way CoNLL-2003 is scored: labelled text is
 * given to the recognizer as plain text (one sentence per line), its mentions are mapped back to tokens, and each
 * name counts as right only with the same first token, last token and type. Speed is measured in the same JVM
 * with interleaved rounds so that recognizers share the machine's state.
 */
package io.newsflow.enrich.entities.evaluation;
