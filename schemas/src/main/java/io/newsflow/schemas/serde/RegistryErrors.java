package io.newsflow.schemas.serde;

import java.util.Locale;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a registry outage (retry later) from a record the registry cannot describe (a dead letter),
 * and says which in one line: a corrupt or unknown record must not print a 40-line stack trace per
 * record, and an outage must not turn good records into dead letters.
 */
public final class RegistryErrors {

    private static final int MAX_DEPTH = 12;

    private RegistryErrors() {
    }

    /**
     * The exception to throw for a serde failure: {@link RegistryUnavailableException} when any cause
     * is a network failure, a timeout or a 5xx/429 answer; otherwise a {@link SerializationException}
     * with a one-line message naming the topic and the deepest cause.
     */
    public static RuntimeException classify(String topic, RuntimeException error) {
        if (error instanceof RegistryUnavailableException) {
            return error;
        }
        Throwable deepest = error;
        int depth = 0;
        for (Throwable t = error; t != null && depth < MAX_DEPTH; t = t.getCause(), depth++) {
            if (isOutage(t)) {
                return new RegistryUnavailableException("schema registry unavailable while reading " + topic
                        + ": " + summary(t), error);
            }
            deepest = t;
        }
        return new SerializationException("cannot decode record on " + topic + ": " + summary(deepest), error);
    }

    private static boolean isOutage(Throwable t) {
        // Network failures only: an EOFException from corrupt Avro bytes is an IOException too, and
        // must stay a dead letter rather than be retried for ever.
        if (t.getClass().getName().startsWith("java.net.") || t instanceof java.util.concurrent.TimeoutException
                || t instanceof org.apache.kafka.common.errors.TimeoutException) {
            return true;
        }
        String name = t.getClass().getName().toLowerCase(Locale.ROOT);
        if (name.contains("connect") || name.contains("timeout") || name.contains("httpclosed")) {
            return true;
        }
        Integer status = httpStatus(t);
        return status != null && (status >= 500 || status == 429);
    }

    /** The HTTP status of a registry client's problem answer, when the exception carries one. */
    private static Integer httpStatus(Throwable t) {
        for (String getter : new String[] {"getResponseStatusCode", "getStatus"}) {
            try {
                Object v = t.getClass().getMethod(getter).invoke(t);
                if (v instanceof Number n && n.intValue() >= 100) {
                    return n.intValue();
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not a client problem answer: no status to read.
            }
        }
        return null;
    }

    private static String text(Throwable t, String getter) {
        try {
            Object v = t.getClass().getMethod(getter).invoke(t);
            return v == null || v.toString().isBlank() ? null : v.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String summary(Throwable t) {
        String message = t.getMessage();
        if (message == null) {
            // The registry client's problem answers carry their text in title and detail, not the message.
            Integer status = httpStatus(t);
            String detail = text(t, "getDetail");
            String title = text(t, "getTitle");
            message = (status == null ? "" : "HTTP " + status + " ") + (title == null ? "" : title)
                    + (detail == null ? "" : (title == null ? "" : ": ") + detail);
            message = message.isBlank() ? null : message.trim();
        }
        String line = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        line = line.replace('\n', ' ').replace('\r', ' ');
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}
