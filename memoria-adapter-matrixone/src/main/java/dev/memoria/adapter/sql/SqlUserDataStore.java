package dev.memoria.adapter.sql;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.out.StorageTotals;
import dev.memoria.ports.out.UserDataStore;
import org.jdbi.v3.core.Handle;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cross-user administration in SQL: the user directory, erasure and garbage collection of ended versions. */
final class SqlUserDataStore implements UserDataStore {

    private static final String MEMORIES = MemoryRows.TABLE;
    private static final String SNAPSHOTS = SchemaDefinition.SNAPSHOTS.name();

    private final Database db;

    SqlUserDataStore(Database db) {
        this.db = db;
    }

    @Override
    public StorageTotals totals() {
        return db.read("count everything", h -> {
            Map<MemoryType, Long> byType = new EnumMap<>(MemoryType.class);
            h.createQuery("SELECT memory_type, COUNT(*) AS n FROM " + MEMORIES + " WHERE rev_to IS NULL "
                            + "GROUP BY memory_type")
                    .map((rs, ctx) -> byType.merge(MemoryType.parse(rs.getString("memory_type")), rs.getLong("n"),
                            Long::sum))
                    .list();
            return new StorageTotals(
                    count(h, "SELECT COUNT(*) FROM (" + userIds("") + ") u"),
                    byType.values().stream().mapToLong(Long::longValue).sum(), byType,
                    count(h, "SELECT COUNT(*) FROM " + MEMORIES),
                    count(h, "SELECT COUNT(*) FROM " + SchemaDefinition.BRANCHES.name()
                            + " WHERE branch_name <> 'main'"),
                    count(h, "SELECT COUNT(*) FROM " + SNAPSHOTS));
        });
    }

    private static long count(Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }

    /** The user directory: whoever has a branch (every writer has main), a key or a snapshot. */
    private static String userIds(String condition) {
        return "SELECT user_id FROM " + SchemaDefinition.BRANCHES.name() + condition
                + " UNION SELECT user_id FROM " + SchemaDefinition.API_KEYS.name() + condition
                + " UNION SELECT user_id FROM " + SNAPSHOTS + condition;
    }

    @Override
    public List<String> listUsers() {
        return db.read("list users", h -> h.createQuery(userIds("") + " ORDER BY user_id")
                .mapTo(String.class).list());
    }

    @Override
    public List<String> listUsers(String after, int limit) {
        // the cursor filter sits inside each branch of the UNION, where the user_id indexes can serve it
        return db.read("page users", h -> {
            var query = h.createQuery(userIds(after == null ? "" : " WHERE user_id > :after")
                    + " ORDER BY user_id LIMIT :limit").bind("limit", limit);
            if (after != null) {
                query.bind("after", after);
            }
            return query.mapTo(String.class).list();
        });
    }

    @Override
    public List<String> ownersOf(String memoryId) {
        return db.read("find a memory's owner", h -> h.createQuery("SELECT DISTINCT user_id FROM " + MEMORIES
                        + " WHERE memory_id = :m AND branch_name = :b AND rev_to IS NULL ORDER BY user_id")
                .bind("m", memoryId).bind("b", BranchRef.MAIN).mapTo(String.class).list());
    }

    @Override
    public Map<String, Long> rowVersionsByBranch(String userId) {
        return db.read("count a user's rows", h -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            h.createQuery("SELECT branch_name, COUNT(*) AS n FROM " + MEMORIES + " WHERE user_id = :u "
                            + "GROUP BY branch_name ORDER BY branch_name")
                    .bind("u", userId)
                    .map((rs, ctx) -> counts.put(rs.getString("branch_name"), rs.getLong("n"))).list();
            return counts;
        });
    }

    @Override
    public long eraseMemory(String userId, String memoryId) {
        return db.transaction("erase a memory", h -> {
            List<String> branches = h.createQuery("SELECT DISTINCT branch_name FROM " + MEMORIES
                            + " WHERE user_id = :u AND memory_id = :m")
                    .bind("u", userId).bind("m", memoryId).mapTo(String.class).list();
            for (String branch : branches) {
                tombstone(h, userId, branch, nextRevision(h, userId, branch), List.of(memoryId));
            }
            int rows = h.createUpdate("DELETE FROM " + MEMORIES + " WHERE user_id = :u AND memory_id = :m")
                    .bind("u", userId).bind("m", memoryId).execute();
            h.createUpdate("DELETE FROM " + SchemaDefinition.FEEDBACK.name() + " WHERE user_id = :u AND memory_id = :m")
                    .bind("u", userId).bind("m", memoryId).execute();
            h.createUpdate("DELETE FROM " + SchemaDefinition.ACCESS_COUNTS.name()
                            + " WHERE user_id = :u AND memory_id = :m")
                    .bind("u", userId).bind("m", memoryId).execute();
            return (long) rows;
        });
    }

    /** Erasure is a change of state, so it takes a revision like any write (readers and caches key on it). */
    private long nextRevision(Handle h, String userId, String branch) {
        h.createUpdate("UPDATE " + SchemaDefinition.BRANCHES.name() + " SET head_rev = head_rev + 1 "
                + "WHERE user_id = :u AND branch_name = :b").bind("u", userId).bind("b", branch).execute();
        long revision = h.createQuery("SELECT head_rev FROM " + SchemaDefinition.BRANCHES.name()
                        + " WHERE user_id = :u AND branch_name = :b")
                .bind("u", userId).bind("b", branch).mapTo(Long.class).findOne().orElse(0L);
        h.createUpdate("INSERT INTO " + SchemaDefinition.REVISIONS.name() + " (user_id, branch_name, revision, "
                        + "committed_at) VALUES (:u, :b, :r, :t)")
                .bind("u", userId).bind("b", branch).bind("r", revision).bind("t", UtcTimes.toDb(db.now())).execute();
        return revision;
    }

    private static void tombstone(Handle h, String userId, String branch, long revision, List<String> memoryIds) {
        var batch = h.prepareBatch("INSERT INTO " + SchemaDefinition.ERASURES.name() + " (user_id, branch_name, "
                + "revision, memory_id) VALUES (:u, :b, :r, :m)");
        for (String id : memoryIds) {
            batch.bind("u", userId).bind("b", branch).bind("r", revision).bind("m", id).add();
        }
        if (!memoryIds.isEmpty()) {
            batch.execute();
        }
    }

    /**
     * Removes everything of the user but the main branch's row, whose revision moves on (with tombstones for the
     * erased ids) so that no instance keeps serving erased memories from its search index.
     */
    @Override
    public long eraseUser(String userId) {
        return db.transaction("erase a user", h -> {
            List<String> mainIds = h.createQuery("SELECT DISTINCT memory_id FROM " + MEMORIES
                            + " WHERE user_id = :u AND branch_name = :b")
                    .bind("u", userId).bind("b", BranchRef.MAIN).mapTo(String.class).list();
            boolean hasMain = h.createQuery("SELECT COUNT(*) FROM " + SchemaDefinition.BRANCHES.name()
                            + " WHERE user_id = :u AND branch_name = :b")
                    .bind("u", userId).bind("b", BranchRef.MAIN).mapTo(Long.class).one() > 0;
            if (hasMain) {
                tombstone(h, userId, BranchRef.MAIN, nextRevision(h, userId, BranchRef.MAIN), mainIds);
            }
            long rows = h.createUpdate("DELETE FROM " + MEMORIES + " WHERE user_id = :u").bind("u", userId).execute();
            h.createUpdate("DELETE FROM " + SchemaDefinition.BRANCHES.name() + " WHERE user_id = :u AND branch_name <> :b")
                    .bind("u", userId).bind("b", BranchRef.MAIN).execute();
            h.createUpdate("DELETE FROM " + SchemaDefinition.ERASURES.name() + " WHERE user_id = :u AND branch_name <> :b")
                    .bind("u", userId).bind("b", BranchRef.MAIN).execute();
            for (String table : List.of(SchemaDefinition.REVISIONS.name(), SNAPSHOTS, SchemaDefinition.USER_STATE.name(),
                    SchemaDefinition.FEEDBACK.name(), SchemaDefinition.RETRIEVAL_PARAMS.name(),
                    SchemaDefinition.ACCESS_COUNTS.name(), SchemaDefinition.API_CALLS.name(),
                    SchemaDefinition.TOOL_USAGE.name())) {
                h.createUpdate("DELETE FROM " + table + " WHERE user_id = :u").bind("u", userId).execute();
            }
            return rows;
        });
    }

    @Override
    public long collectGarbage(String userId, String branch, long revision) {
        // A version [rev_from, rev_to) is still needed while some snapshot of the branch sits inside that range.
        return db.transaction("collect garbage", h -> (long) h.createUpdate("DELETE FROM " + MEMORIES
                        + " WHERE user_id = :u AND branch_name = :b AND rev_to IS NOT NULL AND rev_to <= :r "
                        + "AND NOT EXISTS (SELECT 1 FROM " + SNAPSHOTS + " s WHERE s.user_id = :u "
                        + "AND s.branch_name = :b AND s.revision >= " + MEMORIES + ".rev_from AND s.revision < "
                        + MEMORIES + ".rev_to)")
                .bind("u", userId).bind("b", branch).bind("r", revision).execute());
    }
}
