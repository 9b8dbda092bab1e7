package io.arbiter.app;

import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.domain.Event;
import io.arbiter.domain.Instance;
import io.arbiter.domain.Route;
import io.arbiter.http.proxy.ProxyTrafficRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Brings registered instances that carry a service to life in the simulator: on each applied
 * {@code instance.started} with a {@code service}, starts the instance's backend (idempotent) and
 * routes the service to it unless the service already has a route.
 */
final class ServiceBackends {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceBackends.class);

    private final SimulatorDriver simulator;
    private final ProxyTrafficRouter router;

    ServiceBackends(SimulatorDriver simulator, ProxyTrafficRouter router) {
        this.simulator = simulator;
        this.router = router;
    }

    /** The ingestor's listener: events applied to the grid. */
    void applied(List<Event> events) {
        for (Event event : events) {
            if (event instanceof Event.InstanceStarted started && started.instance().service() != null) {
                start(started.instance());
            }
        }
    }

    private void start(Instance instance) {
        try {
            Route route = new Route(instance.service(), instance.instanceId(), simulator.startBackend(instance), false);
            router.pointIfAbsent(route).whenComplete((inForce, failure) -> {
                if (failure != null) {
                    LOG.warn("service {} of instance {} could not be routed: {}", instance.service(),
                            instance.instanceId(), failure.toString());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("instance {} of service {} could not start: {}", instance.instanceId(), instance.service(),
                    e.toString());
        }
    }
}
