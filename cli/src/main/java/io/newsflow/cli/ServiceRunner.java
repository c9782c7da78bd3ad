package io.newsflow.cli;

import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsException;

/** Runs a Streams application until Ctrl-C or until it fails. */
final class ServiceRunner {

    private ServiceRunner() {
    }

    /**
     * Starts the app, waits, closes it with {@code close} (which leaves the group or not: see
     * GroupExit); exit status 0 on Ctrl-C, 1 when the app died.
     */
    static int run(String name, KafkaStreams app, Runnable close) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        app.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                done.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            done.countDown();
        }, name + "-shutdown"));
        app.start();
        System.err.println("newsflow " + name + ": running; Ctrl-C stops");
        done.await();
        return app.state() == KafkaStreams.State.ERROR ? 1 : 0;
    }

    /**
     * Creates a service, or prints one line and gives null when Kafka Streams refuses to start it.
     * The usual cause is a second instance on the same machine with the same state directory, which
     * Kafka Streams locks (its message names the directory).
     */
    static <T> T create(String name, Supplier<T> create) {
        try {
            return create.get();
        } catch (StreamsException e) {
            String hint = String.valueOf(e.getMessage()).contains("state directory")
                    ? "; give each instance on a machine its own kafka.state.dir" : "";
            System.err.println("newsflow " + name + ": cannot start: " + e.getMessage() + hint);
            return null;
        }
    }
}
