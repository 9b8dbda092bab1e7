package io.arbiter.http.proxy;

import java.util.Optional;

/**
 * The router's path scheme: {@code /{service}/rest?query} names the service and the URI the
 * instance gets ({@code /rest?query}; {@code /} when nothing follows the service).
 */
record ServicePath(String service, String forwardUri) {

    /** Splits a request URI; empty when it names no service. */
    static Optional<ServicePath> parse(String uri) {
        if (uri == null || !uri.startsWith("/")) {
            return Optional.empty();
        }
        int end = 1;
        while (end < uri.length() && uri.charAt(end) != '/' && uri.charAt(end) != '?') {
            end++;
        }
        if (end == 1) {
            return Optional.empty();
        }
        String rest = uri.substring(end);
        return Optional.of(new ServicePath(uri.substring(1, end), rest.startsWith("/") ? rest : "/" + rest));
    }
}
