package io.arbiter.arbitration;

import io.arbiter.domain.Instance;
import io.arbiter.domain.Resources;
import io.arbiter.domain.Victim;

import java.util.List;
import java.util.Map;

/**
 * The outcome of victim selection for one contention.
 *
 * @param wanted the room still wanted after what is free on the platform
 * @param victims the interruptible instances to interrupt, lowest CVS first
 * @param shortfall how much of {@code wanted} the victims do not cover (zero when covered)
 * @param excluded how many instances were passed over, by reason
 * @param uninterruptible the platform's running uninterruptible instances, lowest CVS first: the
 *                        only ones migration may consider
 */
public record Selection(Resources wanted, List<Victim> victims, Resources shortfall, Map<String, Integer> excluded,
                        List<Victim> uninterruptible) {

    /** True when the victims cover what is wanted. */
    public boolean covered() {
        return shortfall.isZero();
    }
}
