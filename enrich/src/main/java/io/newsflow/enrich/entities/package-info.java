/** Named entities with mentions, offsets and salience; the default recognizer is rule-based over OpenNLP models. */
package io.newsflow.enrich.entities;
