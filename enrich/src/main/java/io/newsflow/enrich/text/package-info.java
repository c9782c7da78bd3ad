/**
 * Cutting text into words, shared by the steps: each scanner reads exactly what a regular expression the step was
 * first written with would match, one code point at a time, because matching those expressions was a quarter of
 * the steps' time. The tests hold each scanner to its expression.
 */
package io.newsflow.enrich.text;
