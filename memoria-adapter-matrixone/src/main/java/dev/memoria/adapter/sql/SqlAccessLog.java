package dev.memoria.adapter.sql;

import dev.memoria.ports.out.AccessLog;

import java.time.Instant;
import java.util.Map;

/**
 * Retrieval counts per (user, memory) in {@code mem_access_counts}. Increments are an UPDATE that adds, then an
 * INSERT for memories counted for the first time (retried as an update if another instance inserted first).
 */
final class SqlAccessLog implements AccessLog {

    private static final String TABLE = SchemaDefinition.ACCESS_COUNTS.name();

    private final Database db;

    SqlAccessLog(Database db) {
        this.db = db;
    }

    @Override
    public void add(String userId, Map<String, Long> increments, Instant at) {
        db.transaction("count retrievals", h -> {
            for (Map.Entry<String, Long> entry : increments.entrySet()) {
                int updated = h.createUpdate("UPDATE " + TABLE + " SET access_count = access_count + :n, "
                                + "last_accessed_at = :t WHERE user_id = :u AND memory_id = :m")
                        .bind("n", entry.getValue()).bind("t", UtcTimes.toDb(at))
                        .bind("u", userId).bind("m", entry.getKey()).execute();
                if (updated == 0) {
                    h.createUpdate("INSERT INTO " + TABLE + " (user_id, memory_id, access_count, last_accessed_at) "
                                    + "VALUES (:u, :m, :n, :t)")
                            .bind("u", userId).bind("m", entry.getKey()).bind("n", entry.getValue())
                            .bind("t", UtcTimes.toDb(at)).execute();
                }
            }
            return null;
        });
    }

    @Override
    public long total(String userId) {
        return db.read("total retrievals", h -> h.createQuery("SELECT COALESCE(SUM(access_count), 0) FROM " + TABLE
                + " WHERE user_id = :u").bind("u", userId).mapTo(Long.class).one());
    }

    @Override
    public long reset(String userId) {
        return db.write("reset retrieval counts", h -> (long) h.createUpdate("DELETE FROM " + TABLE
                + " WHERE user_id = :u").bind("u", userId).execute());
    }
}
