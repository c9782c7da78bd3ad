package io.newsflow.schemas.serde;

import org.apache.kafka.common.errors.RetriableException;

/**
 * The schema registry could not be reached or answered with a server error, so a record could not
 * be encoded or decoded. Nothing is wrong with the record: it must be retried later, never
 * dead-lettered.
 */
public final class RegistryUnavailableException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** Wraps the failure that showed the registry to be unavailable. */
    public RegistryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
