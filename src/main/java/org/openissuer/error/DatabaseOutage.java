package org.openissuer.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a database that cannot be reached from any other fault: an SQLException of SQLState
 * class 08 (connection exception, ISO/IEC 9075 and PostgreSQL Appendix A) or a JDBC connection
 * exception (a pool's wait timeout) anywhere in the cause chain, however JPA wrapped it.
 */
public final class DatabaseOutage {

    // a client need not hammer a database that is being restarted
    public static final long RETRY_AFTER_SECONDS = 5;

    private static final int MAX_CHAINED = 16;

    private DatabaseOutage() {
    }

    public static boolean in(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                SQLException next = sql;
                for (int i = 0; next != null && i < MAX_CHAINED; i++, next = next.getNextException()) {
                    if (next.getSQLState() != null && next.getSQLState().startsWith("08")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
