package dev.memoria.adapter.sql;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.MemoryStats;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.MemoryWriter;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link MemoryStore} over revisioned rows in {@code mem_memory_versions}. */
final class SqlMemoryStore implements MemoryStore {

    /** Keeps IN lists well below every driver's parameter limit. */
    private static final int IN_CHUNK = 500;

    private final Database db;
    private final BranchRows branches;
    private final ActiveRowScan scan;

    SqlMemoryStore(Database db, BranchRows branches) {
        this.db = db;
        this.branches = branches;
        this.scan = new ActiveRowScan(db);
    }

    @Override
    public <T> T write(BranchRef branch, Function<MemoryWriter, T> work) {
        return branches.write("write memories", branch,
                (h, revision) -> work.apply(new SqlMemoryWriter(h, db, branch, revision)));
    }

    @Override
    public Optional<Memory> findActive(BranchRef branch, String memoryId, ReadPoint at) {
        return db.read("read a memory", h -> {
            branches.requireReadable(h, branch);
            Conditions where = Conditions.onBranch(branch).activeAt(at).add("memory_id = :m", "m", memoryId);
            return where.bindTo(h.createQuery("SELECT " + MemoryRows.SELECT_COLUMNS + " FROM " + MemoryRows.TABLE
                            + " WHERE " + where.sql()))
                    .map(MemoryRows.mapper(db.dialect(), true)).findFirst();
        });
    }

    /** Up to this many ids are fetched by point lookups rather than an IN list. */
    private static final int POINT_LOOKUPS = 200;

    @Override
    public List<String> changedSince(BranchRef branch, long revision, String afterId, int limit) {
        return db.read("read changed memories", h -> {
            branches.requireReadable(h, branch);
            Conditions where = Conditions.onBranch(branch)
                    .add("(rev_from > :since OR rev_to > :since)", "since", revision);
            if (afterId != null) {
                where.add("memory_id > :after", "after", afterId);
            }
            return where.bindTo(h.createQuery("SELECT DISTINCT memory_id FROM " + MemoryRows.TABLE + " WHERE "
                            + where.sql() + " ORDER BY memory_id LIMIT :limit"))
                    .bind("limit", limit).mapTo(String.class).list();
        });
    }

    @Override
    public List<Memory> findActiveByIds(BranchRef branch, Collection<String> memoryIds, ReadPoint at) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(memoryIds));
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read("read memories", h -> {
            branches.requireReadable(h, branch);
            List<Memory> found = new ArrayList<>(ids.size());
            if (ids.size() <= POINT_LOOKUPS) {
                // One primary-key probe per id: H2 cannot combine an IN list with the (user, branch) prefix of an
                // index and would scan every row of the user; candidate lists from retrieval are short.
                String sql = "SELECT " + MemoryRows.SELECT_COLUMNS + " FROM " + MemoryRows.TABLE + " WHERE "
                        + Conditions.onBranch(branch).activeAt(at).add("memory_id = :m", "m", "").sql();
                for (String id : ids) {
                    Conditions where = Conditions.onBranch(branch).activeAt(at).add("memory_id = :m", "m", id);
                    where.bindTo(h.createQuery(sql)).map(MemoryRows.mapper(db.dialect(), true)).findFirst()
                            .ifPresent(found::add);
                }
                return found;
            }
            for (int start = 0; start < ids.size(); start += IN_CHUNK) {
                Conditions where = Conditions.onBranch(branch).activeAt(at)
                        .in("memory_id", "id", ids.subList(start, Math.min(ids.size(), start + IN_CHUNK)));
                found.addAll(where.bindTo(h.createQuery("SELECT " + MemoryRows.SELECT_COLUMNS + " FROM "
                        + MemoryRows.TABLE + " WHERE " + where.sql())).map(MemoryRows.mapper(db.dialect(), true)).list());
            }
            return found;
        });
    }

    @Override
    public Optional<Memory> findLatestVersion(BranchRef branch, String memoryId) {
        return db.read("read a memory version", h -> {
            branches.requireReadable(h, branch);
            Conditions where = Conditions.onBranch(branch).add("memory_id = :m", "m", memoryId);
            return where.bindTo(h.createQuery("SELECT " + MemoryRows.SELECT_COLUMNS + " FROM " + MemoryRows.TABLE
                            + " WHERE " + where.sql() + " ORDER BY rev_from DESC LIMIT 1"))
                    .map(MemoryRows.mapper(db.dialect(), false)).findFirst();
        });
    }

    @Override
    public List<Memory> findSupersededBy(BranchRef branch, String memoryId) {
        return db.read("read memory history", h -> {
            branches.requireReadable(h, branch);
            Conditions where = Conditions.onBranch(branch).add("superseded_by = :s", "s", memoryId);
            List<Memory> versions = where.bindTo(h.createQuery("SELECT " + MemoryRows.SELECT_COLUMNS + " FROM "
                            + MemoryRows.TABLE + " WHERE " + where.sql() + " ORDER BY memory_id DESC, rev_from DESC"))
                    .map(MemoryRows.mapper(db.dialect(), false)).list();
            // rows arrive newest version first per memory: keep the first of each id
            Map<String, Memory> newest = new LinkedHashMap<>();
            versions.forEach(v -> newest.putIfAbsent(v.memoryId(), v));
            return List.copyOf(newest.values());
        });
    }

    @Override
    public MemoryPage list(BranchRef branch, MemoryFilter filter, ReadPoint at, PageRequest page) {
        return db.read("list memories", h -> {
            branches.requireReadable(h, branch);
            Conditions where = Conditions.onBranch(branch).activeAt(at).matching(filter);
            List<Memory> rows = scan.collect(h, where, filter, page.cursor(), page.limit() + 1);
            if (rows.size() <= page.limit()) {
                return new MemoryPage(rows, null);
            }
            List<Memory> items = rows.subList(0, page.limit());
            return new MemoryPage(items, items.get(items.size() - 1).memoryId());
        });
    }

    @Override
    public List<Memory> findContaining(BranchRef branch, String text, MemoryFilter filter, int limit) {
        if (limit < 1 || text == null) {
            return List.of();
        }
        return db.read("search memory content", h -> {
            branches.requireReadable(h, branch);
            Conditions where = Conditions.onBranch(branch).activeAt(ReadPoint.HEAD).matching(filter)
                    .add("LOWER(content) LIKE :pattern ESCAPE '!'", "pattern", containsPattern(text));
            return scan.collect(h, where, filter, null, limit);
        });
    }

    /** One COUNT(*) instead of the port's default walk over every row. */
    @Override
    public long countActive(BranchRef branch, ReadPoint at) {
        return db.read("count memories", h -> {
            branches.requireReadable(h, branch);
            Conditions where = Conditions.onBranch(branch).activeAt(at);
            return where.bindTo(h.createQuery("SELECT COUNT(*) FROM " + MemoryRows.TABLE + " WHERE " + where.sql()))
                    .mapTo(Long.class).one();
        });
    }

    /** {@code %text%} lower-cased, with LIKE's wildcards (and the escape character itself) taken literally. */
    static String containsPattern(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder pattern = new StringBuilder(lower.length() + 8).append('%');
        for (char c : lower.toCharArray()) {
            if (c == '%' || c == '_' || c == '!') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    @Override
    public MemoryStats stats(BranchRef branch, MemoryFilter filter) {
        return db.read("compute memory stats", h -> {
            branches.requireReadable(h, branch);
            Conditions where = Conditions.onBranch(branch).activeAt(ReadPoint.HEAD).matching(filter);
            StatsAccumulator stats = new StatsAccumulator();
            if (filter != null && filter.hasMetadataCondition()) {
                // metadata is only known in Java: walk the matching rows in batches
                String cursor = null;
                while (true) {
                    List<Memory> batch = scan.collect(h, where, filter, cursor, 1000);
                    batch.forEach(m -> stats.add(m.memoryType(), 1, m.initialConfidence(), m.createdAt(), m.createdAt()));
                    if (batch.size() < 1000) {
                        break;
                    }
                    cursor = batch.get(batch.size() - 1).memoryId();
                }
            } else {
                where.bindTo(h.createQuery("SELECT memory_type, COUNT(*) AS n, SUM(initial_confidence) AS conf, "
                                + "MIN(created_at) AS oldest, MAX(created_at) AS newest FROM " + MemoryRows.TABLE
                                + " WHERE " + where.sql() + " GROUP BY memory_type"))
                        .map((rs, ctx) -> {
                            stats.add(MemoryType.parse(rs.getString("memory_type")), rs.getLong("n"),
                                    rs.getDouble("conf"), UtcTimes.fromDb(rs.getObject("oldest", LocalDateTime.class)),
                                    UtcTimes.fromDb(rs.getObject("newest", LocalDateTime.class)));
                            return 0;
                        }).list();
            }
            return stats.result();
        });
    }

    /** Folds per-type (or per-row) aggregates into one {@link MemoryStats}. */
    private static final class StatsAccumulator {
        private final Map<MemoryType, Long> byType = new EnumMap<>(MemoryType.class);
        private long total;
        private double confidenceSum;
        private Instant oldest;
        private Instant newest;

        void add(MemoryType type, long count, double confidence, Instant first, Instant last) {
            byType.merge(type, count, Long::sum);
            total += count;
            confidenceSum += confidence;
            if (first != null && (oldest == null || first.isBefore(oldest))) {
                oldest = first;
            }
            if (last != null && (newest == null || last.isAfter(newest))) {
                newest = last;
            }
        }

        MemoryStats result() {
            return new MemoryStats(byType, total, total == 0 ? 0.0 : confidenceSum / total, oldest, newest);
        }
    }
}
