package io.newsflow.enrich.entities;

/** Char offsets of a mention. */
public record Mention(int start, int end) {
}
