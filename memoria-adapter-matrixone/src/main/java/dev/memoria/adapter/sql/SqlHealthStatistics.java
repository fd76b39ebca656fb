package dev.memoria.adapter.sql;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.HealthStatistics;
import dev.memoria.ports.out.MemoryCensus;
import dev.memoria.ports.out.OrphanCounts;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sums behind the health reports, as GROUP BY queries over main branches, so a report costs a few index scans
 * whatever the number of memories. A null user id drops the user condition (every user, for operators).
 */
final class SqlHealthStatistics implements HealthStatistics {

    private static final String MEMORIES = MemoryRows.TABLE;
    private static final String LINKS = SchemaDefinition.ENTITY_LINKS.name();
    private static final String ENTITIES = SchemaDefinition.ENTITIES.name();
    /** When a memory was observed, for ages and staleness; a memory without an observation time was made then. */
    private static final String OBSERVED = "COALESCE(observed_at, created_at)";

    private final Database db;

    SqlHealthStatistics(Database db) {
        this.db = db;
    }

    private static String user(String alias, String userId) {
        return userId == null ? "" : alias + ".user_id = :u AND ";
    }

    private record Key(MemoryType type, TrustTier tier) {
    }

    /** The sums of one (type, tier), filled by the two queries below. */
    private static final class Sums {
        long active;
        long inactive;
        long superseded;
        double confidence;
        long chars;
        long ageSeconds;
        long embedded;
        long stale;
        long recent;

        MemoryCensus census(Key key) {
            return new MemoryCensus(key.type(), key.tier(), active, inactive, superseded, confidence, chars,
                    ageSeconds, embedded, stale, recent);
        }
    }

    @Override
    public List<MemoryCensus> census(String userId, Instant now, Instant staleBefore, Instant recentSince) {
        return db.read("take a memory census", h -> {
            Map<Key, Sums> sums = new LinkedHashMap<>();
            var active = h.createQuery("SELECT memory_type, trust_tier, COUNT(*) AS active, "
                            + "SUM(initial_confidence) AS confidence, SUM(CHAR_LENGTH(content)) AS chars, "
                            + "SUM(TIMESTAMPDIFF(SECOND, " + OBSERVED + ", :now)) AS age, "
                            + "SUM(CASE WHEN embedding IS NOT NULL THEN 1 ELSE 0 END) AS embedded, "
                            + "SUM(CASE WHEN " + OBSERVED + " < :stale THEN 1 ELSE 0 END) AS stale, "
                            + "SUM(CASE WHEN created_at >= :recent THEN 1 ELSE 0 END) AS recent "
                            + "FROM " + MEMORIES + " m WHERE " + user("m", userId)
                            + "m.branch_name = :main AND m.rev_to IS NULL GROUP BY memory_type, trust_tier")
                    .bind("now", UtcTimes.toDb(now)).bind("stale", UtcTimes.toDb(staleBefore))
                    .bind("recent", UtcTimes.toDb(recentSince)).bind("main", BranchRef.MAIN);
            bindUser(active, userId).map((rs, ctx) -> {
                Sums s = sums.computeIfAbsent(key(rs), k -> new Sums());
                s.active = rs.getLong("active");
                s.confidence = rs.getDouble("confidence");
                s.chars = rs.getLong("chars");
                s.ageSeconds = rs.getLong("age");
                s.embedded = rs.getLong("embedded");
                s.stale = rs.getLong("stale");
                s.recent = rs.getLong("recent");
                return s;
            }).list();
            // a memory is inactive when it has ended versions and no current one; its versions count once
            var inactive = h.createQuery("SELECT memory_type, trust_tier, COUNT(DISTINCT memory_id) AS inactive, "
                            + "COUNT(DISTINCT CASE WHEN superseded_by IS NOT NULL THEN memory_id END) AS superseded "
                            + "FROM " + MEMORIES + " e WHERE " + user("e", userId)
                            + "e.branch_name = :main AND e.rev_to IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + MEMORIES
                            + " a WHERE a.user_id = e.user_id AND a.branch_name = e.branch_name "
                            + "AND a.rev_to IS NULL AND a.memory_id = e.memory_id) GROUP BY memory_type, trust_tier")
                    .bind("main", BranchRef.MAIN);
            bindUser(inactive, userId).map((rs, ctx) -> {
                Sums s = sums.computeIfAbsent(key(rs), k -> new Sums());
                s.inactive = rs.getLong("inactive");
                s.superseded = rs.getLong("superseded");
                return s;
            }).list();
            List<MemoryCensus> census = new ArrayList<>();
            sums.forEach((key, s) -> census.add(s.census(key)));
            return census;
        });
    }

    private static Key key(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Key(MemoryType.parse(rs.getString("memory_type")), TrustTier.parse(rs.getString("trust_tier")));
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindUser(T statement, String userId) {
        return userId == null ? statement : statement.bind("u", userId);
    }

    @Override
    public OrphanCounts orphans(String userId) {
        return db.read("count orphans", h -> new OrphanCounts(
                count(h, userId, "SELECT COUNT(*) FROM " + LINKS + " l WHERE " + user("l", userId) + "NOT EXISTS ("
                        + "SELECT 1 FROM " + MEMORIES + " m WHERE m.user_id = l.user_id AND m.branch_name = :main "
                        + "AND m.rev_to IS NULL AND m.memory_id = l.memory_id)"),
                count(h, userId, "SELECT COUNT(*) FROM " + LINKS + " l WHERE " + user("l", userId) + "NOT EXISTS ("
                        + "SELECT 1 FROM " + ENTITIES + " n WHERE n.user_id = l.user_id "
                        + "AND n.entity_name = l.entity_name)"),
                count(h, userId, "SELECT COUNT(*) FROM " + ENTITIES + " n WHERE " + user("n", userId) + "NOT EXISTS ("
                        + "SELECT 1 FROM " + LINKS + " l WHERE l.user_id = n.user_id "
                        + "AND l.entity_name = n.entity_name)"),
                // the rule governance repairs: a current memory pointing at no current successor, or at itself
                count(h, userId, "SELECT COUNT(*) FROM " + MEMORIES + " m WHERE " + user("m", userId)
                        + "m.branch_name = :main AND m.rev_to IS NULL AND m.superseded_by IS NOT NULL "
                        + "AND (m.superseded_by = m.memory_id OR NOT EXISTS (SELECT 1 FROM " + MEMORIES + " s "
                        + "WHERE s.user_id = m.user_id AND s.branch_name = :main AND s.rev_to IS NULL "
                        + "AND s.memory_id = m.superseded_by))")));
    }

    /** Runs a count that names {@code :main} (when it reads memories) and, for one user, {@code :u}. */
    private static long count(Handle h, String userId, String sql) {
        var query = h.createQuery(sql);
        if (sql.contains(":main")) {
            // only the queries over memories name the branch; binding it to the others would be refused
            query.bind("main", BranchRef.MAIN);
        }
        return bindUser(query, userId).mapTo(Long.class).one();
    }

    @Override
    public long vectorCount() {
        return db.read("count vectors", h -> h.createQuery("SELECT COUNT(*) FROM " + MEMORIES
                + " WHERE rev_to IS NULL AND embedding IS NOT NULL").mapTo(Long.class).one());
    }
}
