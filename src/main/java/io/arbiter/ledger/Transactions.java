package io.arbiter.ledger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in one transaction of its own: committed on return, rolled back on any failure. */
final class Transactions {

    /** Work on a connection. */
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private final DataSource pool;

    Transactions(DataSource pool) {
        this.pool = pool;
    }

    /** Runs {@code work}; a failure becomes a {@link StoreException} saying "{@code what} failed: …". */
    <T> T run(String what, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.on(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof StoreException s) {
                throw s;
            }
            throw new StoreException(what + " failed: " + JdbcStore.rootMessage(e), e);
        }
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
