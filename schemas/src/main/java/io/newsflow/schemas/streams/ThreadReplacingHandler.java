package io.newsflow.schemas.streams;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a Streams application alive through transient faults: a stream thread that dies from an
 * exception (a broker away longer than {@code task.timeout.ms}, a registry that cannot be reached,
 * a fenced producer) is replaced by a new thread, whose tasks resume from their last committed
 * offsets. Under exactly-once nothing the dead thread had not committed is visible downstream,
 * so the replacement neither loses nor duplicates records, and recovery needs no restart.
 *
 * <p>An {@link Error} (out of memory, a linkage error) is not a transient fault: the client is
 * shut down, so the service fails visibly (health check 503, exit status 1).
 */
public final class ThreadReplacingHandler implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadReplacingHandler.class);

    private final String service;
    private final AtomicLong replaced = new AtomicLong();

    /** A handler for the named service (used in log lines). */
    public ThreadReplacingHandler(String service) {
        this.service = service;
    }

    /** Installs a new handler on {@code app} (before it starts) and returns it. */
    public static ThreadReplacingHandler install(KafkaStreams app, String service) {
        ThreadReplacingHandler handler = new ThreadReplacingHandler(service);
        app.setUncaughtExceptionHandler(handler);
        return handler;
    }

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        if (exception instanceof Error) {
            LOG.error("{}: a stream thread died of an error; shutting the application down", service, exception);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        long n = replaced.incrementAndGet();
        if (n == 1 || n % 100 == 0) {
            LOG.error("{}: a stream thread died; replacing it (replacement {}); its tasks resume from their "
                    + "last committed offsets", service, n, exception);
        } else {
            // A fault that lasts (a registry down for a minute) kills each new thread in turn: one
            // stack trace is enough, later ones only say why.
            LOG.warn("{}: a stream thread died again; replacing it (replacement {}): {}", service, n,
                    rootCause(exception));
        }
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** How many threads were replaced so far. */
    public long replaced() {
        return replaced.get();
    }

    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? t.toString() : t + " caused by " + root;
    }
}
