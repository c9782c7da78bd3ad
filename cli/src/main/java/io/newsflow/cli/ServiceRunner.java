package io.newsflow.cli;

import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;

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
}
