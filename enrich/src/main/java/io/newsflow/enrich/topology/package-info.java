/**
 * The enrich Kafka Streams topology, built by one static method from its options, with dedupe and
 * dead-letter routing.
 */
package io.newsflow.enrich.topology;
