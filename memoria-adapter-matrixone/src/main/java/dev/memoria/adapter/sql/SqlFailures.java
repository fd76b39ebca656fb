package dev.memoria.adapter.sql;

import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.error.StorageException;
import dev.memoria.ports.error.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns database failures into port exceptions. Callers get a short reason (operation, SQLState and vendor
 * code); the SQL text and driver message stay in the log, where an operator can read them.
 */
final class SqlFailures {

    private static final Logger LOG = LoggerFactory.getLogger(SqlFailures.class);

    private SqlFailures() {
    }

    static MemoriaException translate(String operation, RuntimeException failure) {
        if (failure instanceof MemoriaException known) {
            return known;
        }
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            LOG.error("Storage failed to {}", operation, failure);
            return new StorageException("storage_error", "Storage failed to " + operation, failure);
        }
        if (isConnectionFailure(sql)) {
            LOG.warn("Database unavailable while trying to {}: {}", operation, sql.getMessage());
            return new UnavailableException("storage_unavailable",
                    "The database is unavailable (could not " + operation + ")", failure);
        }
        LOG.error("Storage failed to {} (SQLState {}, code {})", operation, sql.getSQLState(), sql.getErrorCode(), failure);
        return new StorageException("storage_error", "Storage failed to " + operation
                + " (SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode() + ")", failure);
    }

    /** A primary-key or unique violation: MySQL/MariaDB/MatrixOne error 1062, H2 SQLState 23505. */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1062 || "23505".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectionFailure(SQLException sql) {
        String state = sql.getSQLState();
        return sql instanceof SQLTransientConnectionException
                || (state != null && state.startsWith("08"))
                // HikariCP reports a closed pool without a SQLState
                || (state == null && String.valueOf(sql.getMessage()).contains("has been closed"));
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
