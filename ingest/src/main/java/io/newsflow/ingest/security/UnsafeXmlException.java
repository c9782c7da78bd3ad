package io.newsflow.ingest.security;

/** Thrown when untrusted XML is malformed or uses features refused for safety (DOCTYPE, entities). */
public final class UnsafeXmlException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the parser's reason. */
    public UnsafeXmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
