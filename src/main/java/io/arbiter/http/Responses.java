package io.arbiter.http;

import io.arbiter.domain.FieldError;
import io.arbiter.ingest.MalformedBodyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/** JSON answers and error bodies, in the shapes API.md gives. */
final class Responses {

    private Responses() {
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.toBuffer());
    }

    /** {@code 202 {"accepted":N,"duplicates":N}}: written directly, as it answers nearly every request of events. */
    static void accepted(RoutingContext ctx, int accepted, int duplicates) {
        ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                .end("{\"accepted\":" + accepted + ",\"duplicates\":" + duplicates + "}");
    }

    /** {@code {"error": message}} with the status. */
    static void error(RoutingContext ctx, int status, String message) {
        json(ctx, status, new JsonObject().put("error", message));
    }

    /**
     * The {@code limit} query parameter, from 1 to {@code max}, {@code fallback} when absent; answers
     * 400 naming the field and returns null when it is bad.
     */
    static Integer limit(RoutingContext ctx, int fallback, int max) {
        String text = ctx.queryParams().get("limit");
        try {
            int limit = text == null ? fallback : Integer.parseInt(text);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        json(ctx, 400, fieldErrors(List.of(new FieldError(-1, "limit", "must be a whole number from 1 to " + max))));
        return null;
    }

    static JsonObject fieldErrors(List<FieldError> errors) {
        JsonArray list = new JsonArray();
        for (FieldError e : errors) {
            list.add(new JsonObject().put("index", e.index()).put("field", e.field()).put("message", e.message()));
        }
        return new JsonObject().put("errors", list);
    }

    static JsonObject malformed(MalformedBodyException e) {
        JsonObject error = new JsonObject().put("index", e.index()).put("field", "").put("message", e.getMessage());
        if (e.line() > 0) {
            error.put("line", e.line()).put("column", e.column());
        }
        return new JsonObject().put("errors", new JsonArray().add(error));
    }
}
