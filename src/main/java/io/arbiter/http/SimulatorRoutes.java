package io.arbiter.http;

import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.actuation.SimulatorDriver.Behaviour;
import io.arbiter.domain.FieldError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The simulator driver's controls: how one simulated instance behaves from now on. Fields left out
 * keep the instance's current behaviour; the answer gives all of it, and the calls this node's
 * simulator received for the instance ({@code "shutdown i1"}, {@code "terminate i1"}, …), which
 * {@code GET} answers too: on a cluster, each member's simulator is asked only by that member.
 *
 * <pre>
 * curl -s localhost:8080/v1/simulator/instances/i1            # behaviour and calls received
 * curl -s -X PUT localhost:8080/v1/simulator/instances/i1 -H 'Content-Type: application/json' -d \
 *   '{"onShutdown":"ignore"}'                   # stop | ignore | fail; also stopAfter (PT2S), terminateFails,
 *                                               # terminateHangs
 * curl -s -X PUT localhost:8080/v1/simulator/instances/i1 -H 'Content-Type: application/json' -d \
 *   '{"onRestore":"hang"}'                      # complete | hang | fail; also restoreDelay, snapshotDelay, snapshotFails
 * </pre>
 */
final class SimulatorRoutes {

    private static final long MAX_BODY = 64 * 1024;

    private final SimulatorDriver simulator;

    SimulatorRoutes(SimulatorDriver simulator) {
        this.simulator = simulator;
    }

    void register(Router router) {
        router.put("/v1/simulator/instances/:id").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY))
                .handler(this::behave);
        router.get("/v1/simulator/instances/:id").handler(ctx -> {
            String id = ctx.pathParam("id");
            Responses.json(ctx, 200, view(id, simulator.behaviourOf(id)));
        });
    }

    private void behave(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (RuntimeException e) {
            Responses.error(ctx, 400, "malformed JSON: " + e.getMessage());
            return;
        }
        if (body == null) {
            Responses.error(ctx, 400, "send a JSON object of the behaviours to set");
            return;
        }
        String id = ctx.pathParam("id");
        Behaviour now = simulator.behaviourOf(id);
        List<FieldError> errors = new ArrayList<>();
        Fields f = new Fields(body, errors);
        SimulatorDriver.OnShutdown onShutdown = f.choice("onShutdown", now.onShutdown(), SimulatorDriver.OnShutdown::valueOf,
                "stop, ignore or fail");
        SimulatorDriver.OnRestore onRestore = f.choice("onRestore", now.onRestore(), SimulatorDriver.OnRestore::valueOf,
                "complete, hang or fail");
        Behaviour next = new Behaviour(onShutdown, f.duration("stopAfter", now.stopAfter()),
                f.flag("terminateFails", now.terminateFails()), f.flag("terminateHangs", now.terminateHangs()),
                f.duration("snapshotDelay", now.snapshotDelay()),
                f.flag("snapshotFails", now.snapshotFails()), onRestore, f.duration("restoreDelay", now.restoreDelay()));
        if (!errors.isEmpty()) {
            Responses.json(ctx, 400, Responses.fieldErrors(errors));
            return;
        }
        simulator.behave(id, next);
        Responses.json(ctx, 200, view(id, next));
    }

    private JsonObject view(String id, Behaviour b) {
        return new JsonObject().put("instanceId", id)
                .put("onShutdown", b.onShutdown().name().toLowerCase(Locale.ROOT))
                .put("stopAfter", b.stopAfter().toString()).put("terminateFails", b.terminateFails())
                .put("terminateHangs", b.terminateHangs())
                .put("snapshotDelay", b.snapshotDelay().toString()).put("snapshotFails", b.snapshotFails())
                .put("onRestore", b.onRestore().name().toLowerCase(Locale.ROOT))
                .put("restoreDelay", b.restoreDelay().toString())
                .put("calls", new JsonArray(simulator.callsFor(id)));
    }

    /** Typed reads of the body's fields, each falling back to the current value, errors collected. */
    private record Fields(JsonObject body, List<FieldError> errors) {

        <E extends Enum<E>> E choice(String name, E current, Function<String, E> parse, String allowed) {
            Object value = body.getValue(name);
            if (value == null) {
                return current;
            }
            try {
                return parse.apply(((String) value).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | ClassCastException e) {
                errors.add(new FieldError(-1, name, "must be " + allowed));
                return current;
            }
        }

        Duration duration(String name, Duration current) {
            Object value = body.getValue(name);
            try {
                Duration d = value == null ? current : Duration.parse((String) value);
                if (!d.isNegative()) {
                    return d;
                }
            } catch (DateTimeParseException | ClassCastException e) {
                // reported below
            }
            errors.add(new FieldError(-1, name, "must be an ISO-8601 duration of zero or more, such as PT2S"));
            return current;
        }

        boolean flag(String name, boolean current) {
            Object value = body.getValue(name);
            if (value == null || value instanceof Boolean) {
                return value == null ? current : (Boolean) value;
            }
            errors.add(new FieldError(-1, name, "must be true or false"));
            return current;
        }
    }
}
