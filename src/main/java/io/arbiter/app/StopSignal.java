package io.arbiter.app;

import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;

/**
 * Waiting for SIGTERM or SIGINT (Ctrl-C) in the verbs that run until told to stop. The signals are
 * taken over (rather than left to a shutdown hook) so that a clean stop is a normal return, and
 * the process exits with status 0.
 */
final class StopSignal {

    private StopSignal() {
    }

    /** Blocks until SIGTERM or SIGINT arrives. */
    static void await() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        stop.await();
    }
}
