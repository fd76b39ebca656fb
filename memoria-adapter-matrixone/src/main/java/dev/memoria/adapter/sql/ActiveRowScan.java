package dev.memoria.adapter.sql;

import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Walks rows newest {@code memory_id} first with keyset paging and keeps those the Java-side filter accepts.
 * SQL narrows by everything it can; metadata conditions are checked here, fetching further batches until the
 * page is full, so a page is never short just because some rows failed the Java check.
 */
final class ActiveRowScan {

    /** Batch size when Java rejects rows: large enough to fill most pages in one round trip. */
    private static final int FILTERED_BATCH = 200;

    private final Database db;

    ActiveRowScan(Database db) {
        this.db = db;
    }

    /**
     * Up to {@code wanted} matching rows with {@code memory_id < cursor} (no bound when cursor is null).
     *
     * @param conditions the SQL part of the selection (branch, visibility, filter)
     * @param filter     the full filter, re-checked in Java (cheap for rows SQL already narrowed)
     */
    List<Memory> collect(Handle h, Conditions conditions, MemoryFilter filter, String cursor, int wanted) {
        boolean javaFilters = filter != null && filter.hasMetadataCondition();
        Predicate<Memory> accept = filter == null ? m -> true : filter::matches;
        int batch = javaFilters ? Math.max(wanted, FILTERED_BATCH) : wanted;
        List<Memory> kept = new ArrayList<>(Math.min(wanted, 1024));
        String after = cursor;
        while (kept.size() < wanted) {
            Conditions page = conditions.copy();
            if (after != null) {
                page.add("memory_id < :cursor", "cursor", after);
            }
            List<Memory> rows = page.bindTo(h.createQuery("SELECT " + MemoryRows.SELECT_COLUMNS + " FROM "
                            + MemoryRows.TABLE + " WHERE " + page.sql() + " ORDER BY memory_id DESC LIMIT :limit"))
                    .bind("limit", batch)
                    .map(MemoryRows.mapper(db.dialect(), true))
                    .list();
            for (Memory row : rows) {
                if (accept.test(row)) {
                    kept.add(row);
                    if (kept.size() == wanted) {
                        break;
                    }
                }
            }
            if (rows.size() < batch) {
                break;
            }
            after = rows.get(rows.size() - 1).memoryId();
        }
        return kept;
    }
}
