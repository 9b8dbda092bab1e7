package io.arbiter.grid;

import com.hazelcast.config.Config;
import com.hazelcast.core.HazelcastInstance;

/**
 * Starts a Hazelcast member from the configuration Arbiter built. The default is
 * {@code Hazelcast.newHazelcastInstance}; fault tests hand in one whose network they can cut.
 */
@FunctionalInterface
public interface MemberStarter {

    /** Starts and answers the member. */
    HazelcastInstance start(Config config);
}
