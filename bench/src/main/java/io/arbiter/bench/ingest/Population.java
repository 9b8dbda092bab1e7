package io.arbiter.bench.ingest;

import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What exists before measuring: platforms, clients and instances spread over them, and the
 * registration events (NDJSON bodies) that create them. Usage events name {@link #instanceId}s,
 * which Arbiter refuses unless the instance was started.
 */
final class Population {

    private static final String[] TIERS = {"platinum", "gold", "silver", "bronze"};

    private final int platforms;
    private final int clients;
    private final String[] instanceIds;

    Population(int platforms, int clients, int instances) {
        this.platforms = platforms;
        this.clients = clients;
        this.instanceIds = new String[instances];
        for (int i = 0; i < instances; i++) {
            instanceIds[i] = String.format(Locale.ROOT, "i-%06d", i);
        }
    }

    int instances() {
        return instanceIds.length;
    }

    /** The {@code n}-th instance, wrapping around. */
    String instanceId(long n) {
        return instanceIds[(int) Math.floorMod(n, (long) instanceIds.length)];
    }

    private static String platformId(int p) {
        return String.format(Locale.ROOT, "p-%04d", p);
    }

    private static String clientId(int c) {
        return String.format(Locale.ROOT, "c-%04d", c);
    }

    /** NDJSON bodies that register everything: platforms and clients first, then at most {@code perBody} instances each. */
    List<Batch> registrations(int perBody) {
        List<Batch> bodies = new ArrayList<>();
        Buffer owners = Buffer.buffer();
        for (int p = 0; p < platforms; p++) {
            owners.appendString(String.format(Locale.ROOT, "{\"id\":\"setup-%s\",\"type\":\"platform.registered\","
                    + "\"platformId\":\"%s\",\"datacentre\":\"dc-1\",\"zone\":\"z-%d\","
                    + "\"capacity\":{\"cpu\":4096,\"memoryGiB\":16384}}\n", platformId(p), platformId(p), p % 3));
        }
        for (int c = 0; c < clients; c++) {
            owners.appendString(String.format(Locale.ROOT, "{\"id\":\"setup-%s\",\"type\":\"client.registered\","
                    + "\"clientId\":\"%s\",\"name\":\"Client %d\",\"slaTier\":\"%s\"}\n",
                    clientId(c), clientId(c), c, TIERS[c % TIERS.length]));
        }
        bodies.add(new Batch(owners, platforms + clients));
        for (int from = 0; from < instanceIds.length; from += perBody) {
            int to = Math.min(instanceIds.length, from + perBody);
            Buffer body = Buffer.buffer();
            for (int i = from; i < to; i++) {
                body.appendString(String.format(Locale.ROOT, "{\"id\":\"setup-%s\",\"type\":\"instance.started\","
                                + "\"instanceId\":\"%s\",\"clientId\":\"%s\",\"platformId\":\"%s\",\"kind\":\"%s\","
                                + "\"resources\":{\"cpu\":2,\"memoryGiB\":4}}\n", instanceIds[i], instanceIds[i],
                        clientId(i % clients), platformId(i % platforms),
                        i % 2 == 0 ? "interruptible" : "uninterruptible"));
            }
            bodies.add(new Batch(body, to - from));
        }
        return bodies;
    }

    /** A request body or frame and the number of events in it. */
    record Batch(Buffer body, int events) {
    }
}
