package io.arbiter.actuation;

import io.arbiter.domain.Route;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A traffic router that remembers what it was told and answers at once, unless told to hang. */
public final class RecordingRouter implements TrafficRouter {

    /** Every call, in order: {@code "pause shop"}, {@code "point shop u1@slot-a 127.0.0.1:9002"}, {@code "resume shop"}. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** The routes pointed at, by service. */
    public final Map<String, Route> routes = new ConcurrentHashMap<>();
    /** When set, pointing a service never answers. */
    public volatile boolean pointHangs;
    /** When set, resuming a service never answers. */
    public volatile boolean resumeHangs;

    @Override
    public CompletionStage<Optional<Route>> route(String service) {
        return CompletableFuture.completedFuture(Optional.ofNullable(routes.get(service)));
    }

    @Override
    public CompletionStage<Void> point(Route route) {
        calls.add("point " + route.service() + " " + route.instanceId() + " " + route.endpoint());
        if (pointHangs) {
            return new CompletableFuture<>();
        }
        routes.put(route.service(), route);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> pause(String service) {
        calls.add("pause " + service);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> resume(String service) {
        calls.add("resume " + service);
        return resumeHangs ? new CompletableFuture<>() : CompletableFuture.completedFuture(null);
    }
}
