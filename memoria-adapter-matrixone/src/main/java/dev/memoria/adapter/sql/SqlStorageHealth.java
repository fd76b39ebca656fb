package dev.memoria.adapter.sql;

import dev.memoria.ports.out.StorageHealth;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Readiness: one trivial query through the pool. */
final class SqlStorageHealth implements StorageHealth {

    private static final Logger LOG = LoggerFactory.getLogger(SqlStorageHealth.class);

    private final Jdbi jdbi;

    SqlStorageHealth(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            LOG.debug("Storage health check failed: {}", e.toString());
            return false;
        }
    }
}
