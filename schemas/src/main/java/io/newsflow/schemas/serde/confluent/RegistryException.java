package io.newsflow.schemas.serde.confluent;

import org.apache.kafka.common.errors.SerializationException;

/**
 * The schema registry answered a request with an error that retrying will not fix: unauthorised
 * (401/403), an incompatible schema (409), an unknown subject or version (404), a bad request.
 */
public final class RegistryException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int errorCode;

    /** An error answer with its HTTP status and the registry's error code (-1 when it gave none). */
    public RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code} (e.g. 40401 subject not found), or -1. */
    public int errorCode() {
        return errorCode;
    }
}
