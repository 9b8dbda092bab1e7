package io.arbiter.http;

/**
 * Where and how the HTTP server listens. A value out of range is refused with a message that starts
 * with its field's name.
 *
 * @param host the address to bind; 127.0.0.1 unless the operator says otherwise
 * @param port the port; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted (413 above)
 * @param maxFrameBytes the largest WebSocket message accepted (the socket is closed with 1009 above)
 */
public record HttpOptions(String host, int port, long maxBodyBytes, int maxFrameBytes) {

    /** The smallest body or frame limit accepted. */
    public static final int MIN_LIMIT = 1024;

    public HttpOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host: must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: must be between 0 and 65535, not " + port);
        }
        if (maxBodyBytes < MIN_LIMIT) {
            throw new IllegalArgumentException("maxBodyBytes: must be at least " + MIN_LIMIT + " bytes, not " + maxBodyBytes);
        }
        if (maxFrameBytes < MIN_LIMIT) {
            throw new IllegalArgumentException("maxFrameBytes: must be at least " + MIN_LIMIT + " bytes, not "
                    + maxFrameBytes);
        }
    }
}
