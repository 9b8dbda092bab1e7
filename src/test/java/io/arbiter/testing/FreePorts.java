package io.arbiter.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers tests start, free on 127.0.0.1 when asked and taken from below the kernel's
 * ephemeral range. A port from {@code new ServerSocket(0)} lies inside that range, where the
 * kernel also picks the local port of every outgoing connection: between asking and binding, a
 * member's own connections to the grid or the database can take it, and the member dies with
 * "Address already in use". Below the range only a server that names the port can take it.
 */
public final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;

    private FreePorts() {
    }

    /** A port free on 127.0.0.1 now, outside the ephemeral range unless that range leaves too few below it. */
    public static int one() {
        int below = ephemeralRangeStart();
        if (below < LOWEST + 1_000) {
            return anyFree();
        }
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + below);
    }

    /** {@code n} distinct ports, each free now. */
    public static List<Integer> distinct(int n) {
        List<Integer> ports = new ArrayList<>();
        while (ports.size() < n) {
            int port = one();
            if (!ports.contains(port)) {
                ports.add(port);
            }
        }
        return ports;
    }

    private static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of the kernel's ephemeral range; 32768, Linux's default, when it cannot be read. */
    private static int ephemeralRangeStart() {
        // Read line by line: Files.readString answered only the first byte of this /proc file.
        try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
            return Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
