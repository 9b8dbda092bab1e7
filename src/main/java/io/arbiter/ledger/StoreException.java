package io.arbiter.ledger;

/** The durable store could not do what was asked; the message names the operation and the id. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
