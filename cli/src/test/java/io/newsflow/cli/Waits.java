package io.newsflow.cli;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling until a condition holds or a generous deadline passes: tests never assert on timing. */
final class Waits {

    private Waits() {
    }

    /** Polls {@code condition} every 100 ms; fails with {@code what} when the deadline passes. */
    static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /** Polls {@code condition} every 100 ms for up to {@code timeout}; whether it held. */
    static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(100));
        }
        return true;
    }

    /** Sleeps, keeping the interrupt flag. */
    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
