package dev.memoria.adapter.sql;

import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The IVFFLAT index on {@code mem_memory_versions.embedding}. MatrixOne builds IVF centroids from the rows present
 * when the index is created (an index made on an empty table puts everything in one list), and the reference
 * service only indexes tables of at least 500 embedded rows with {@code lists = clamp(rows / 50, 1, 1024)}. All
 * users share one table here, so the rule is applied to the whole table, once per process, outside any
 * transaction; an index that already exists is left alone (a later {@code ALTER TABLE … ALTER REINDEX} re-trains
 * it, see docs/MATRIXONE.md). Failure only costs speed: searches then rank by exact scan.
 */
final class MatrixOneVectorIndex {

    private static final Logger LOG = LoggerFactory.getLogger(MatrixOneVectorIndex.class);

    static final String NAME = MemoryRows.TABLE + "_embedding_ivf";

    /** Below this many embedded rows an IVF index hurts recall more than it saves time (reference 02 §4.2). */
    static final long DEFAULT_MIN_ROWS = 500;

    static final int MAX_LISTS = 1024;

    private final long minRows;

    MatrixOneVectorIndex(long minRows) {
        this.minRows = minRows;
    }

    static int lists(long rows) {
        return (int) Math.max(1, Math.min(MAX_LISTS, rows / 50));
    }

    /** {@code vector_l2_ops}: the queries order by {@code l2_distance}, which must match the index op type. */
    static String createSql(long rows) {
        return "CREATE INDEX " + NAME + " USING IVFFLAT ON " + MemoryRows.TABLE + " (embedding) LISTS = "
                + lists(rows) + " OP_TYPE 'vector_l2_ops'";
    }

    static final String COUNT_SQL = "SELECT COUNT(*) FROM " + MemoryRows.TABLE + " WHERE embedding IS NOT NULL";

    static final String EXISTS_SQL = "SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() "
            + "AND table_name = :table_name AND index_name = :index_name";

    /**
     * Creates the index if the table is large enough and has none. Must run on an auto-commit handle: index DDL
     * goes over the plain text protocol (MatrixOne has no PREPARE for DDL) and outside any transaction.
     *
     * @return true when this call created the index
     */
    boolean ensure(Handle h) {
        long existing = h.createQuery(EXISTS_SQL).bind("table_name", MemoryRows.TABLE).bind("index_name", NAME)
                .mapTo(Long.class).one();
        if (existing > 0) {
            return false;
        }
        long rows = h.createQuery(COUNT_SQL).mapTo(Long.class).one();
        if (rows < minRows) {
            LOG.debug("No IVF index yet: {} embedded rows (< {})", rows, minRows);
            return false;
        }
        String ddl = createSql(rows);
        try (Statement statement = h.getConnection().createStatement()) {
            statement.execute(ddl);
            LOG.info("Created vector index: {}", ddl);
            return true;
        } catch (SQLException e) {
            if (alreadyExists(e)) {
                // another instance won the race
                return false;
            }
            LOG.warn("Could not create the vector index ({}); vector search keeps using exact scans: {}", ddl,
                    e.getMessage());
            return false;
        }
    }

    /** MySQL's 1061 "Duplicate key name", or MatrixOne's textual "already exists". */
    static boolean alreadyExists(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e.getErrorCode() == 1061 || message.contains("already exist") || message.contains("duplicate key name");
    }
}
