package io.newsflow.enrich.topics;

/** An IPTC topic with score. */
public record Topic(String code, String label, double score) {
}
