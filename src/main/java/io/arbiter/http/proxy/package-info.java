/**
 * The built-in router: an HTTP reverse proxy (Vert.x) on its own port that sends each request to the
 * instance serving its service, by path prefix: {@code http://127.0.0.1:8081/{service}/rest?query}
 * goes to the instance as {@code /rest?query}. Bodies stream both ways, within a size limit. While a
 * service is paused its new requests are held, and sent on resume to the route then in force; a
 * pause completes once every member's router has drained the service ({@link
 * io.arbiter.http.proxy.PeerDrains}).
 * {@link io.arbiter.http.proxy.ProxyTrafficRouter} is the {@link io.arbiter.actuation.TrafficRouter}
 * over the grid's route table and this proxy.
 */
package io.arbiter.http.proxy;
