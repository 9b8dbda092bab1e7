package io.arbiter.app;

import io.arbiter.grid.GridMember;

/**
 * Members of one cluster share one durable store. The ledger, SLA downgrades, shadow-slot
 * reservations and the charge-once of a migration hold across members only because every member
 * writes them to the same PostgreSQL: on an embedded store of its own, a member that takes a
 * platform over would not see what the member before it charged or reserved, and each member's
 * {@code GET /v1/ledger} would show a different ledger. So a member whose cluster configuration
 * joins other members is refused the embedded store.
 */
final class SharedStore {

    private SharedStore() {
    }

    /**
     * Refuses {@code config} when it joins other members on the embedded store, with a
     * {@link ConfigException} that names {@code source} (where the configuration came from), the
     * key, the cluster file and the reason.
     */
    static void require(ServerConfig config, String source) {
        if (!config.store().embedded()) {
            return;
        }
        GridMember.networkJoin(config.grid()).ifPresent(join -> {
            throw new ConfigException(source + ": store.jdbcUrl: must be set, because the cluster configuration "
                    + config.grid().configFile() + " joins other members (" + join + " is enabled): on the "
                    + "embedded store each member would keep a PostgreSQL of its own, and with it its own ledger, "
                    + "SLA downgrades, shadow-slot reservations and charge-once. Give every member the same "
                    + "database: store.jdbcUrl in the --config file, or serve --store-url URL "
                    + "(bin/arbiter store runs one on this machine and prints its URL)");
        });
    }
}
