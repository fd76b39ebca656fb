package dev.memoria.adapter.sql;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.time.Clock;
import java.time.Instant;

/**
 * What every store needs: the Jdbi instance, the dialect, the clock and the schema's embedding dimension.
 * Its two entry points translate database failures into port exceptions in one place; any other exception
 * (a port exception, or a caller's own from inside a write) passes through unchanged after the rollback.
 */
record Database(Jdbi jdbi, SqlDialect dialect, Clock clock, int dimension) {

    <T> T read(String operation, HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException failure) {
            throw SqlFailures.translate(operation, failure);
        }
    }

    /**
     * A read on a connection of its own, never the one of a transaction this thread has open. Jdbi hands a callback
     * nested in a transaction that transaction's handle, where uncommitted rows are visible; what is cached across
     * requests (the search index) must only ever be built from committed state, or a write that consults the index
     * before its own insert would leave the cache at its new revision without the row.
     */
    <T> T readCommitted(String operation, HandleCallback<T, RuntimeException> work) {
        try (Handle handle = jdbi.open()) {
            return work.withHandle(handle);
        } catch (JdbiException failure) {
            throw SqlFailures.translate(operation, failure);
        }
    }

    /** A write outside an explicit transaction (auto-commit statements): acknowledged only once it is durable. */
    <T> T write(String operation, HandleCallback<T, RuntimeException> work) {
        try {
            return dialect.runWrite(() -> {
                T result = jdbi.withHandle(work);
                dialect.afterCommit().ifPresent(statement -> jdbi.useHandle(h -> h.execute(statement)));
                return result;
            });
        } catch (JdbiException failure) {
            throw SqlFailures.translate(operation, failure);
        }
    }

    <T> T transaction(String operation, HandleCallback<T, RuntimeException> work) {
        try {
            return dialect.runWrite(() -> {
                T result = jdbi.inTransaction(work);
                dialect.afterCommit().ifPresent(statement -> jdbi.useHandle(h -> h.execute(statement)));
                return result;
            });
        } catch (JdbiException failure) {
            throw SqlFailures.translate(operation, failure);
        }
    }

    Instant now() {
        return UtcTimes.now(clock);
    }
}
