package io.arbiter.bench.ingest;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** A load generator against one server: sends until stopped, recording each answer in its {@link Tally}. */
interface Load {

    /** Starts sending; answers once connected. */
    Future<Void> start();

    /** Sends nothing more; completes once every request or frame under way has been answered. */
    Future<Void> stop();

    /**
     * Null when {@code answer} acknowledges exactly {@code sent} events as new, otherwise why not.
     * Both Arbiter and the bare server answer {@code {"accepted":N,"duplicates":N}}.
     */
    static String problem(JsonObject answer, int sent) {
        Object accepted = answer.getValue("accepted");
        Object duplicates = answer.getValue("duplicates");
        if (accepted instanceof Number a && duplicates instanceof Number d && a.intValue() == sent
                && d.intValue() == 0) {
            return null;
        }
        String text = answer.encode();
        return "sent " + sent + " events, answer " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
