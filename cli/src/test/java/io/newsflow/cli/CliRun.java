package io.newsflow.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;

/**
 * A run of a command line in this JVM, as a user would start it: its exit status and what it wrote
 * to standard output and standard error.
 */
record CliRun(int exit, String out, String err) {

    /** Runs {@code newsflow args...}. */
    static CliRun newsflow(Duration deadline, String... args) {
        return run(Newsflow.commandLine(), deadline, args);
    }

    /**
     * Runs {@code command} on a thread of its own, so that a command that should have stopped but runs
     * on (a service that started) fails the test at {@code deadline} instead of hanging it.
     */
    static CliRun run(CommandLine command, Duration deadline, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = runner.submit(() -> command.execute(args)).get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            throw new AssertionError("still running after " + deadline + ": " + String.join(" ", args)
                    + "; it wrote:\n" + err.toString(StandardCharsets.UTF_8), e);
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(String.join(" ", args), e);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            runner.shutdownNow();
        }
    }
}
