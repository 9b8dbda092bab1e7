package io.arbiter.actuation;

import java.util.Objects;

/**
 * A copy of an instance's state taken by a {@link PlatformDriver}, named so that the driver can find
 * its content again. The content itself stays with the driver.
 *
 * @param sequence increases with every snapshot of one instance
 * @param base the snapshot this one holds the changes since, or null for a full copy
 * @param bytes the size of the copy, for the action's history
 */
public record Snapshot(String snapshotId, String instanceId, long sequence, String base, long bytes) {

    public Snapshot {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(instanceId, "instanceId");
    }

    /** True when this holds only the changes since an earlier snapshot. */
    public boolean isDelta() {
        return base != null;
    }
}
