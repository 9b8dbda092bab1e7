package io.arbiter.grid;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A platform's change log answers the changes after a revision while it still holds them all. */
class InstanceChangeLogTest {

    @Test
    void answersTheChangesAfterARevisionOldestFirst() {
        InstanceChangeLog log = new InstanceChangeLog();
        assertThat(log.record("i1", null)).isEqualTo(1);
        assertThat(log.record("i2", "former")).isEqualTo(2);
        assertThat(log.record("i1", null)).isEqualTo(3);

        InstanceChangeLog.Changes changes = log.since(1);
        assertThat(changes.revision()).isEqualTo(3);
        assertThat(changes.ids()).containsExactly("i2", "i1");
        assertThat(changes.formerClients()).containsExactly("former", null);
        assertThat(log.since(3).ids()).as("nothing changed since the latest revision").isEmpty();
        assertThat(log.since(0).ids()).containsExactly("i1", "i2", "i1");
    }

    @Test
    void aRevisionItHasNotReachedIsNoBasisForChanges() {
        InstanceChangeLog log = new InstanceChangeLog();
        log.record("i1", null);

        assertThat(log.since(2).ids()).isNull();
        assertThat(log.since(Long.MAX_VALUE).revision()).isEqualTo(1);
    }

    @Test
    void keepsTheLatestChangesAsItGrowsAndForgetsPastItsBound() {
        InstanceChangeLog log = new InstanceChangeLog();
        int total = InstanceChangeLog.KEPT + 100;
        for (int n = 1; n <= total; n++) {
            log.record("i" + n, n % 7 == 0 ? "c" + n : null);
        }

        InstanceChangeLog.Changes kept = log.since(total - InstanceChangeLog.KEPT);
        assertThat(kept.ids()).hasSize(InstanceChangeLog.KEPT);
        assertThat(kept.ids()[0]).isEqualTo("i101");
        assertThat(kept.ids()[InstanceChangeLog.KEPT - 1]).isEqualTo("i" + total);
        assertThat(kept.formerClients()[4]).as("change 105's former client").isEqualTo("c105");
        assertThat(kept.formerClients()[6]).as("change 107 had none").isNull();
        assertThat(log.since(total - InstanceChangeLog.KEPT - 1).ids()).as("one change too far back").isNull();
        assertThat(log.since(total - 20).ids()).hasSize(20).startsWith("i" + (total - 19));
    }
}
