package dev.memoria.adapter.sql;

import dev.memoria.adapter.sql.index.IndexChange;
import dev.memoria.adapter.sql.index.IndexRow;
import dev.memoria.adapter.sql.index.IndexSource;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.TrustTier;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.function.Consumer;

/** Feeds the in-process retrieval index from the revisioned rows. */
final class SqlIndexSource implements IndexSource {

    /**
     * Rows are fetched in keyset-paged batches: MySQL drivers buffer a whole result set, and a user's full set
     * of embeddings can be hundreds of megabytes.
     */
    private static final int BATCH = 1000;

    private static final String COLUMNS = "memory_id, rev_to, content, memory_type, trust_tier, session_id, subject_id, "
            + "extra_metadata, embedding";

    private final Database db;

    SqlIndexSource(Database db) {
        this.db = db;
    }

    @Override
    public long headRevision(BranchRef branch) {
        return db.readCommitted("read the head revision", h -> h.createQuery("SELECT head_rev FROM " + BranchRows.TABLE
                        + " WHERE user_id = :u AND branch_name = :b")
                .bind("u", branch.userId()).bind("b", branch.branch()).mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public void forEachActive(BranchRef branch, long revision, Consumer<IndexRow> sink) {
        String cursor = null;
        while (true) {
            Conditions where = Conditions.onBranch(branch).activeAt(ReadPoint.at(revision));
            if (cursor != null) {
                where.add("memory_id < :cursor", "cursor", cursor);
            }
            List<IndexRow> rows = db.readCommitted("load the search index", h -> where.bindTo(h.createQuery("SELECT " + COLUMNS
                            + " FROM " + MemoryRows.TABLE + " WHERE " + where.sql()
                            + " ORDER BY memory_id DESC LIMIT :limit"))
                    .bind("limit", BATCH).map(indexRow()).list());
            rows.forEach(sink);
            if (rows.size() < BATCH) {
                return;
            }
            cursor = rows.get(rows.size() - 1).memoryId();
        }
    }

    /** A version ended inside the range is a removal (even if it also started there); otherwise an addition. */
    @Override
    public void forEachChange(BranchRef branch, long afterRevision, long upToRevision, Consumer<IndexChange> sink) {
        if (upToRevision <= afterRevision) {
            return;
        }
        db.readCommitted("read search index changes", h -> {
            Conditions where = Conditions.onBranch(branch)
                    .add("((rev_from > :after AND rev_from <= :upto) OR (rev_to > :after AND rev_to <= :upto))")
                    .parameter("after", afterRevision).parameter("upto", upToRevision);
            where.bindTo(h.createQuery("SELECT " + COLUMNS + " FROM " + MemoryRows.TABLE + " WHERE " + where.sql()))
                    .map((rs, ctx) -> {
                        rs.getLong("rev_to");
                        boolean current = rs.wasNull();
                        long revTo = rs.getLong("rev_to");
                        boolean ended = !current && revTo <= upToRevision;
                        return new IndexChange(indexRow().map(rs, ctx), !ended);
                    })
                    .forEach(sink);
            h.createQuery("SELECT memory_id FROM " + SchemaDefinition.ERASURES.name() + " WHERE user_id = :u "
                            + "AND branch_name = :b AND revision > :after AND revision <= :upto")
                    .bind("u", branch.userId()).bind("b", branch.branch())
                    .bind("after", afterRevision).bind("upto", upToRevision)
                    .mapTo(String.class)
                    .forEach(id -> sink.accept(new IndexChange(
                            new IndexRow(id, null, null, null, null, null, null, null), false)));
            return null;
        });
    }

    private RowMapper<IndexRow> indexRow() {
        return (rs, ctx) -> new IndexRow(
                rs.getString("memory_id"),
                rs.getString("content"),
                MemoryType.parse(rs.getString("memory_type")),
                TrustTier.parse(rs.getString("trust_tier")),
                rs.getString("session_id"),
                rs.getString("subject_id"),
                MetadataJson.read(rs.getString("extra_metadata")),
                db.dialect().readVector(rs, "embedding"));
    }
}
