package io.arbiter.ledger;

/**
 * Where the durable store lives: a PostgreSQL server named by {@code jdbcUrl}, or, when that is
 * null, an embedded PostgreSQL whose data folder is under the node's data folder.
 *
 * @param jdbcUrl a {@code jdbc:postgresql://…} URL, or null for the embedded default
 * @param user the database user; null for the driver's default (the embedded server's {@code postgres})
 * @param password the user's password, taken from the environment, never from a file; null for none.
 *                 Left out of {@link #toString()}
 * @param poolSize most connections the pool opens
 */
public record StoreOptions(String jdbcUrl, String user, String password, int poolSize) {

    /** Connections of the pool unless configured. */
    public static final int DEFAULT_POOL_SIZE = 8;
    /** The environment variable the password is read from unless configured otherwise. */
    public static final String DEFAULT_PASSWORD_VARIABLE = "ARBITER_STORE_PASSWORD";
    /** The embedded default: a PostgreSQL of the node's own under {@code <dataDir>/postgres}. */
    public static final StoreOptions EMBEDDED = new StoreOptions(null, null, null, DEFAULT_POOL_SIZE);

    public StoreOptions {
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("store.jdbcUrl: must start with jdbc:postgresql: (was '" + jdbcUrl
                    + "')");
        }
        if (poolSize < 1 || poolSize > 200) {
            throw new IllegalArgumentException("store.poolSize: must be from 1 to 200 (was " + poolSize + ")");
        }
    }

    /** True when the store is the embedded PostgreSQL under the data folder. */
    public boolean embedded() {
        return jdbcUrl == null;
    }

    @Override
    public String toString() {
        return "StoreOptions[jdbcUrl=" + (jdbcUrl == null ? "embedded" : jdbcUrl) + ", user=" + user + ", password="
                + (password == null ? "none" : "(set)") + ", poolSize=" + poolSize + "]";
    }
}
