package io.arbiter.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A {@code PUT} whose body is sent in two halves over a raw socket: after {@link #open} the request
 * is under way (its headers and half its body sent, so a router has forwarded it) but the instance
 * cannot have stored the value yet; {@link #finish} sends the rest and answers the status line. A
 * request in flight for as long as a test wants.
 */
public final class SlowWrite implements AutoCloseable {

    private final Socket socket;
    private final byte[] rest;

    private SlowWrite(Socket socket, byte[] rest) {
        this.socket = socket;
        this.rest = rest;
    }

    /** Starts {@code PUT path} with {@code value} as its body to 127.0.0.1:{@code port}, sending half of it. */
    public static SlowWrite open(int port, String path, String value) {
        byte[] body = value.getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: " + body.length
                    + "\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            byte[] rest = new byte[body.length - half];
            System.arraycopy(body, half, rest, 0, rest.length);
            return new SlowWrite(socket, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the rest of the body; answers the HTTP status of the answer. */
    public int finish() {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(rest);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            if (status == null || !status.startsWith("HTTP/1.1 ")) {
                throw new IllegalStateException("not an HTTP answer: " + status);
            }
            return Integer.parseInt(status.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
