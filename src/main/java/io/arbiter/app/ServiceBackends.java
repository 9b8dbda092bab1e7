package io.arbiter.app;

import io.arbiter.actuation.SimulatorDriver;
import io.arbiter.domain.Instance;
import io.arbiter.domain.Route;
import io.arbiter.http.proxy.ProxyTrafficRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings registered instances that carry a service to life in the simulator, on the member that
 * owns their platform (the one that decides for it and runs its migrations, and so snapshots the
 * instance): for each instance registered on a platform this member owns, starts its backend
 * (idempotent) and routes the service to it unless the service already has a route. An instance
 * that its service's route already names runs somewhere already (a migration's copy, brought up
 * by the member that ran the migration) and is left as it is.
 */
final class ServiceBackends {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceBackends.class);

    private final SimulatorDriver simulator;
    private final ProxyTrafficRouter router;

    ServiceBackends(SimulatorDriver simulator, ProxyTrafficRouter router) {
        this.simulator = simulator;
        this.router = router;
    }

    /** The grid's listener: an instance registered on a platform this member owns. */
    void registered(Instance instance) {
        if (instance.service() == null) {
            return;
        }
        router.route(instance.service()).whenComplete((route, failure) -> {
            if (failure != null) {
                LOG.warn("instance {} of service {} could not start: {}", instance.instanceId(), instance.service(),
                        failure.toString());
            } else if (route.isEmpty() || !route.get().instanceId().equals(instance.instanceId())) {
                start(instance);
            }
        });
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
