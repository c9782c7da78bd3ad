package io.newsflow.embedded;

/** An embedded service could not be started or prepared; the message says what and where. */
public class EmbeddedStartException extends RuntimeException {

    /** A failure with its cause. */
    public EmbeddedStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A failure without an underlying exception. */
    public EmbeddedStartException(String message) {
        super(message);
    }
}
