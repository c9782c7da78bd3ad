package io.newsflow.enrich.entities;

import java.util.List;

/** A named entity. */
public record Entity(String name, EntityType type, int mentions, List<Mention> spans, double salience) {
}
