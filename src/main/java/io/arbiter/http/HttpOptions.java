package io.arbiter.http;

/**
 * Where and how the HTTP server listens.
 *
 * @param host the address to bind; 127.0.0.1 unless the operator says otherwise
 * @param port the port; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted (413 above)
 * @param maxFrameBytes the largest WebSocket message accepted (the socket is closed with 1009 above)
 */
public record HttpOptions(String host, int port, long maxBodyBytes, int maxFrameBytes) {

    public HttpOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (maxBodyBytes < 1024 || maxFrameBytes < 1024) {
            throw new IllegalArgumentException("body and frame limits must be at least 1024 bytes");
        }
    }
}
