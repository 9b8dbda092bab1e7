package io.arbiter.grid;

import io.arbiter.domain.Instance;

import java.util.List;
import java.util.Set;

/**
 * A platform's instances that changed after a given revision, as they are now.
 *
 * @param revision the platform's instance revision these bring a copy up to
 * @param complete false when the platform's change log no longer held every change asked for: the
 *                 platform's instances must be read again whole
 * @param instances the changed instances, each once, as they are now
 * @param formerClients the clients that held one of these instance ids before it was started again
 *                      for another client
 */
public record ChangedInstances(long revision, boolean complete, List<Instance> instances,
                               Set<String> formerClients) {
}
