package io.arbiter.app;

/** Configuration that cannot be used; the message names the file, the key and the reason. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
