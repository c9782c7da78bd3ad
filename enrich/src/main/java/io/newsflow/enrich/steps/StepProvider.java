package io.newsflow.enrich.steps;

import java.util.List;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Makes an {@link EnrichmentStep}. Listed by name in {@code enrich.steps}; a provider of your own
 * is a class with a public no-arg constructor named there by its fully qualified class name.
 * Stateful steps declare their state stores, which the topology creates and connects.
 */
public interface StepProvider {

    /** The step's name. */
    String name();

    /** State stores the step needs (bounded: retention and cache come from configuration). */
    default List<StoreBuilder<? extends StateStore>> stores(StepSettings settings) {
        return List.of();
    }

    /** Creates the step for one stream task, with access to that task's stores. */
    EnrichmentStep create(StepSettings settings, StoreLookup stores);

    /** Looks up a state store connected to the enrichment processor by name. */
    @FunctionalInterface
    interface StoreLookup {
        /**
         * No stores: the steps run in a plain loop, outside Kafka (as {@code bin/newsflow bench}
         * runs them to compare with the topology). Built-in steps keep their state in memory then.
         */
        StoreLookup NONE = new StoreLookup() {
            @Override
            public <S extends StateStore> S store(String name) {
                return null;
            }
        };

        /** The store of that name (null only from {@link #NONE}). */
        <S extends StateStore> S store(String name);

        /**
         * Runs {@code action} on the task's thread every {@code interval} of wall-clock time (a
         * punctuation), e.g. to write what a step keeps in memory into its store. Where nothing
         * schedules (a plain loop, a test), the action never runs: steps must stay bounded without it.
         */
        default void schedule(java.time.Duration interval, Runnable action) {
        }
    }
}
