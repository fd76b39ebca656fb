package dev.memoria.adapter.sql;

import dev.memoria.adapter.sql.MatrixOneSearchSql.RankMode;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.JsonScalars;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.out.MemorySearch;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Candidate generation inside MatrixOne: {@code l2_distance} over the {@code vecf32} column and
 * {@code MATCH … AGAINST} over the ngram FULLTEXT index, both over the rows of one user's branch active at the
 * read point. Nothing is cached in the process, so every instance sees every committed write at once.
 *
 * <p>Metadata conditions of a {@link MemoryFilter} are checked in Java (same rules as {@link MemoryFilter#matches}):
 * {@code extra_metadata} is a TEXT column, and MatrixOne 3.0.9 has neither {@code ->>} nor {@code json_value}, so
 * the type-preserving equality ("2" is not 2, 2 equals 2.0) cannot be expressed reliably in its SQL. Those searches
 * over-fetch and grow the window until enough rows pass.
 *
 * <p>{@code :ft_query} and the filter values are bound parameters; the pool uses client-side prepared statements
 * ({@code useServerPrepStmts=false}), so the server receives them as constants, which MATCH requires.
 */
final class MatrixOneMemorySearch implements MemorySearch {

    private static final Logger LOG = LoggerFactory.getLogger(MatrixOneMemorySearch.class);

    /** First window when Java filters on metadata, and the cap on how far it grows. */
    static final int FILTERED_WINDOW = 100;
    static final int MAX_WINDOW = 10_000;

    /** MatrixOne's "empty pattern" error: the pattern tokenised to nothing (e.g. only stop words). */
    private static final int EMPTY_PATTERN = 20101;

    private final Database db;
    private final MatrixOneDialect dialect;
    private final MatrixOneVectorIndex vectorIndex;
    private final AtomicBoolean indexChecked = new AtomicBoolean();

    MatrixOneMemorySearch(Database db, MatrixOneDialect dialect) {
        this(db, dialect, new MatrixOneVectorIndex(MatrixOneVectorIndex.DEFAULT_MIN_ROWS));
    }

    MatrixOneMemorySearch(Database db, MatrixOneDialect dialect, MatrixOneVectorIndex vectorIndex) {
        this.db = Objects.requireNonNull(db, "db");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.vectorIndex = Objects.requireNonNull(vectorIndex, "vectorIndex");
    }

    @Override
    public List<ScoredId> nearest(BranchRef branch, ReadPoint at, float[] query, MemoryFilter filter, int k) {
        Objects.requireNonNull(branch, "branch");
        if (k <= 0 || query == null || query.length == 0) {
            return List.of();
        }
        float[] unit = unitLength(query);
        if (unit == null) {
            return List.of();
        }
        checkVectorIndexOnce();
        String literal = dialect.vectorLiteral(unit);
        Conditions where = Conditions.onBranch(branch).activeAt(at).matching(filter);
        if (filter != null && filter.hasMetadataCondition()) {
            // a Java filter needs an exactly ranked prefix to cut from
            return filtered(filter, k, limit -> fetchNearest(where, literal, limit, RankMode.EXACT, true));
        }
        List<Row> rows = fetchNearest(where, literal, k, RankMode.PRE, false);
        if (rows.size() < k) {
            // the IVF probe may have missed rows of this branch: an exact scan fills the page (as the reference does)
            rows = fetchNearest(where, literal, k, RankMode.EXACT, false);
        }
        return scores(rows, k);
    }

    @Override
    public List<ScoredId> keyword(BranchRef branch, ReadPoint at, String query, MemoryFilter filter, int k) {
        Objects.requireNonNull(branch, "branch");
        String pattern = FullTextQuery.sanitize(query);
        if (k <= 0 || pattern.isEmpty()) {
            return List.of();
        }
        Conditions where = Conditions.onBranch(branch).activeAt(at).matching(filter).parameter("ft_query", pattern);
        if (filter != null && filter.hasMetadataCondition()) {
            return filtered(filter, k, limit -> fetchKeyword(where, limit, true));
        }
        return scores(fetchKeyword(where, k, false), k);
    }

    // ---- execution -----------------------------------------------------------------------------------------

    /** One hit: id, the stage score and, when asked for, the raw metadata JSON. */
    private record Row(String memoryId, double score, String metadata) {
    }

    private interface Window {
        List<Row> fetch(int limit);
    }

    private List<Row> fetchNearest(Conditions where, String literal, int limit, RankMode mode, boolean withMetadata) {
        String sql = MatrixOneSearchSql.nearest(where, literal, limit, mode, withMetadata);
        return db.read("search by vector", h -> where.bindTo(h.createQuery(sql))
                .map((rs, ctx) -> new Row(rs.getString("memory_id"), cosineFromL2(rs.getDouble("l2_dist")),
                        withMetadata ? rs.getString("extra_metadata") : null))
                .list());
    }

    private List<Row> fetchKeyword(Conditions where, int limit, boolean withMetadata) {
        String sql = MatrixOneSearchSql.keyword(where, limit, withMetadata);
        return db.read("search by keyword", h -> {
            try {
                return where.bindTo(h.createQuery(sql))
                        .map((rs, ctx) -> new Row(rs.getString("memory_id"), positive(rs.getDouble("ft_score")),
                                withMetadata ? rs.getString("extra_metadata") : null))
                        .list();
            } catch (JdbiException e) {
                if (isEmptyPattern(e)) {
                    return List.of();
                }
                throw e;
            }
        });
    }

    /** Grows the window until {@code k} rows pass the metadata check or the candidates run out. */
    private static List<ScoredId> filtered(MemoryFilter filter, int k, Window window) {
        int limit = Math.min(MAX_WINDOW, Math.max(k * 4, FILTERED_WINDOW));
        while (true) {
            List<Row> rows = window.fetch(limit);
            List<Row> kept = new ArrayList<>(k);
            for (Row row : rows) {
                if (metadataMatches(filter.metadataEquals(), MetadataJson.read(row.metadata()))) {
                    kept.add(row);
                    if (kept.size() == k) {
                        break;
                    }
                }
            }
            if (kept.size() == k || rows.size() < limit || limit >= MAX_WINDOW) {
                return scores(kept, k);
            }
            limit = Math.min(MAX_WINDOW, limit * 4);
        }
    }

    private static List<ScoredId> scores(List<Row> rows, int k) {
        List<ScoredId> hits = new ArrayList<>(Math.min(rows.size(), k));
        for (Row row : rows) {
            if (hits.size() < k && !Double.isNaN(row.score())) {
                hits.add(new ScoredId(row.memoryId(), row.score()));
            }
        }
        return hits;
    }

    // ---- helpers (package-private for tests) ---------------------------------------------------------------

    /** For unit vectors {@code |a-b|² = 2 - 2cos}, so {@code cos = 1 - l2²/2}, clamped against rounding. */
    static double cosineFromL2(double l2) {
        return Math.max(-1.0, Math.min(1.0, 1.0 - l2 * l2 / 2.0));
    }

    /** The query scaled to unit length (stored embeddings are unit length), or null for a zero vector. */
    static float[] unitLength(float[] query) {
        double norm = 0;
        for (float value : query) {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("query embedding contains a non-finite value");
            }
            norm += (double) value * value;
        }
        if (norm == 0) {
            return null;
        }
        double scale = 1.0 / Math.sqrt(norm);
        float[] unit = new float[query.length];
        for (int i = 0; i < query.length; i++) {
            unit[i] = (float) (query[i] * scale);
        }
        return unit;
    }

    /**
     * The port promises keyword scores above 0. Every row here passed the MATCH in WHERE, so a relevance the
     * server rounds to 0 (a FLOAT) is still a hit: keep it, just above 0.
     */
    static double positive(double relevance) {
        return relevance > 0 ? relevance : Double.MIN_NORMAL;
    }

    static boolean metadataMatches(Map<String, Object> wanted, Map<String, Object> metadata) {
        for (Map.Entry<String, Object> entry : wanted.entrySet()) {
            if (!JsonScalars.sameValue(entry.getValue(), metadata.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    static boolean isEmptyPattern(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == EMPTY_PATTERN
                    || String.valueOf(sql.getMessage()).contains("empty pattern"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first vector search of the process checks, in the background, whether the shared table has grown
     * large enough for an IVF index (the schema exists by then; building an index can take a while, and no
     * request should wait for it).
     */
    private void checkVectorIndexOnce() {
        if (!indexChecked.compareAndSet(false, true)) {
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                db.read("create the vector index", (Handle h) -> vectorIndex.ensure(h));
            } catch (RuntimeException e) {
                LOG.warn("Vector index check failed; vector search keeps using exact scans: {}", e.getMessage());
            }
        }, "memoria-matrixone-ivf");
        worker.setDaemon(true);
        worker.start();
    }
}
