package io.newsflow.ingest.feeds;

/** Thrown when a document is not a feed or cannot be parsed safely. */
public final class FeedParseException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a reason and the underlying cause, if any. */
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
