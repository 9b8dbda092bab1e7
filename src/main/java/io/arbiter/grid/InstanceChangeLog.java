package io.arbiter.grid;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/**
 * What changed among one platform's instances: a revision that counts every change (an instance
 * started, stopped or changed state), and the ids of the instances of the latest {@value #KEPT}
 * changes, so that a copy of the platform's instances made at an earlier revision can be brought
 * up to date by reading only those. Lives in the platform's partition, beside its instances; its
 * map is {@code OBJECT} and only the partition's thread changes it.
 */
final class InstanceChangeLog {

    /** How many of the latest changes are kept at most. */
    static final int KEPT = 4096;
    private static final int FIRST_CAPACITY = 16;

    private long revision;
    /** Change {@code r} (counted from 1) is at {@code (r - 1) % ids.length}: a ring that grows up to {@value #KEPT}. */
    private String[] ids;
    /** For each change, the client the instance id belonged to before it, when that changed; else null. */
    private String[] formerClients;

    InstanceChangeLog() {
        this(0, new String[0], new String[0]);
    }

    /** A log at {@code revision} whose latest changes are {@code changed}, oldest first. */
    private InstanceChangeLog(long revision, String[] changed, String[] former) {
        this.revision = revision;
        int capacity = FIRST_CAPACITY;
        while (capacity < changed.length && capacity < KEPT) {
            capacity *= 2;
        }
        place(capacity, changed, former);
    }

    /** Makes the ring {@code capacity} long, holding {@code changed} as the latest changes, oldest first. */
    private void place(int capacity, String[] changed, String[] former) {
        ids = new String[capacity];
        formerClients = new String[capacity];
        for (int k = Math.max(0, changed.length - capacity); k < changed.length; k++) {
            int at = slot(revision - changed.length + k + 1);
            ids[at] = changed[k];
            formerClients[at] = former[k];
        }
    }

    /** Counts a change to instance {@code instanceId} (that belonged to {@code formerClient} before, or null); answers the new revision. */
    long record(String instanceId, String formerClient) {
        if (revision >= ids.length && ids.length < KEPT) {
            grow();
        }
        revision++;
        int at = slot(revision);
        ids[at] = instanceId;
        formerClients[at] = formerClient;
        return revision;
    }

    long revision() {
        return revision;
    }

    /**
     * The changes after revision {@code since}: their instance ids and former clients, oldest
     * first; null ones when {@code since} is not this or an earlier revision, or some of those
     * changes are no longer kept.
     */
    Changes since(long since) {
        if (since > revision || since < revision - kept()) {
            return new Changes(revision, null, null);
        }
        int n = (int) (revision - since);
        String[] changed = new String[n];
        String[] former = new String[n];
        for (int k = 0; k < n; k++) {
            int at = slot(since + k + 1);
            changed[k] = ids[at];
            former[k] = formerClients[at];
        }
        return new Changes(revision, changed, former);
    }

    /** A log's revision, and the changes asked for (null when they are not all kept). */
    record Changes(long revision, String[] ids, String[] formerClients) {

        /** Compact form: the revision, and the changes when they were kept. */
        static final class Serializer implements CompactSerializer<Changes> {
            @Override
            public Changes read(CompactReader in) {
                return new Changes(in.readInt64("revision"), in.readArrayOfString("ids"),
                        in.readArrayOfString("formerClients"));
            }

            @Override
            public void write(CompactWriter out, Changes changes) {
                out.writeInt64("revision", changes.revision());
                out.writeArrayOfString("ids", changes.ids());
                out.writeArrayOfString("formerClients", changes.formerClients());
            }

            @Override
            public String getTypeName() {
                return "arbiter.InstanceChanges";
            }

            @Override
            public Class<Changes> getCompactClass() {
                return Changes.class;
            }
        }
    }

    private int kept() {
        return (int) Math.min(revision, ids.length);
    }

    private int slot(long change) {
        return (int) ((change - 1) % ids.length);
    }

    private void grow() {
        Changes all = since(revision - kept());
        place(Math.min(KEPT, ids.length * 2), all.ids(), all.formerClients());
    }

    /** Compact form: the revision and the kept changes, oldest first. */
    static final class Serializer implements CompactSerializer<InstanceChangeLog> {
        @Override
        public InstanceChangeLog read(CompactReader in) {
            return new InstanceChangeLog(in.readInt64("revision"), in.readArrayOfString("ids"),
                    in.readArrayOfString("formerClients"));
        }

        @Override
        public void write(CompactWriter out, InstanceChangeLog log) {
            Changes kept = log.since(log.revision - log.kept());
            out.writeInt64("revision", log.revision);
            out.writeArrayOfString("ids", kept.ids());
            out.writeArrayOfString("formerClients", kept.formerClients());
        }

        @Override
        public String getTypeName() {
            return "arbiter.InstanceChangeLog";
        }

        @Override
        public Class<InstanceChangeLog> getCompactClass() {
            return InstanceChangeLog.class;
        }
    }
}
