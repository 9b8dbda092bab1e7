package io.arbiter.http.proxy;

import java.time.Duration;

/**
 * Where and how the built-in router listens.
 *
 * @param host the address to bind; 127.0.0.1 unless the operator says otherwise
 * @param port the port; 0 picks a free one
 * @param maxBodyBytes the largest request body forwarded (413 above)
 * @param holdTimeout how long a request may be held while its service is paused before it is
 *                    answered 503 (a safety net: a migration resumes long before)
 */
public record RouterOptions(String host, int port, long maxBodyBytes, Duration holdTimeout) {

    /** Default port of the router. */
    public static final int DEFAULT_PORT = 8081;
    /** Default largest forwarded body: 16 MiB. */
    public static final long DEFAULT_MAX_BODY = 16L * 1024 * 1024;
    /** Default longest hold. */
    public static final Duration DEFAULT_HOLD_TIMEOUT = Duration.ofSeconds(30);

    public RouterOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("router host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("router port must be between 0 and 65535");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("router maxBodyBytes must be at least 1");
        }
        if (holdTimeout == null || holdTimeout.isNegative() || holdTimeout.isZero()) {
            throw new IllegalArgumentException("router holdTimeout must be a positive duration");
        }
    }

    /** The defaults on {@code host} and {@code port}. */
    public static RouterOptions defaults(String host, int port) {
        return new RouterOptions(host, port, DEFAULT_MAX_BODY, DEFAULT_HOLD_TIMEOUT);
    }
}
