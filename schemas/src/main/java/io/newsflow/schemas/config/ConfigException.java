package io.newsflow.schemas.config;

/** A configuration that cannot be used: an unknown or misspelled key, a value of the wrong type, a missing key. */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The message names the key and, where it helps, the nearest valid one. */
    public ConfigException(String message) {
        super(message);
    }
}
