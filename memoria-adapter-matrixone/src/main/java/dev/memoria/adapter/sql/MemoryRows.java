package dev.memoria.adapter.sql;

import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;

import java.time.LocalDateTime;

/** The column list, row mapper and insert binding of {@code mem_memory_versions}. */
final class MemoryRows {

    static final String TABLE = SchemaDefinition.MEMORIES.name();

    /** The memory's own fields, in the same order in every SELECT, INSERT and INSERT … SELECT. */
    static final String DATA_COLUMNS = "memory_type, content, trust_tier, initial_confidence, session_id, subject_id, "
            + "author_id, extra_metadata, observed_at, created_at, superseded_by, embedding";

    static final String SELECT_COLUMNS = "memory_id, user_id, rev_from, rev_to, " + DATA_COLUMNS;

    static final String INSERT = "INSERT INTO " + TABLE + " (user_id, branch_name, memory_id, rev_from, rev_to, "
            + DATA_COLUMNS + ") VALUES (:user_id, :branch_name, :memory_id, :rev_from, NULL, :memory_type, :content, "
            + ":trust_tier, :initial_confidence, :session_id, :subject_id, :author_id, :extra_metadata, :observed_at, "
            + ":created_at, :superseded_by, :embedding)";

    /** Rewrites the data of a version in place; only used for a version no committed revision has seen. */
    static final String OVERWRITE = "UPDATE " + TABLE + " SET memory_type = :memory_type, content = :content, "
            + "trust_tier = :trust_tier, initial_confidence = :initial_confidence, session_id = :session_id, "
            + "subject_id = :subject_id, author_id = :author_id, extra_metadata = :extra_metadata, "
            + "observed_at = :observed_at, created_at = :created_at, superseded_by = :superseded_by, "
            + "embedding = :embedding WHERE user_id = :user_id AND branch_name = :branch_name "
            + "AND memory_id = :memory_id AND rev_from = :rev_from";

    private MemoryRows() {
    }

    /**
     * Maps a row to a {@link Memory}.
     *
     * @param visible true when the query selected rows active at some revision, so every row is "active" for
     *                the reader even if a later revision ended it
     */
    static RowMapper<Memory> mapper(SqlDialect dialect, boolean visible) {
        return (rs, ctx) -> {
            rs.getLong("rev_to");
            boolean current = rs.wasNull();
            return new Memory(
                    rs.getString("memory_id"),
                    rs.getString("user_id"),
                    MemoryType.parse(rs.getString("memory_type")),
                    rs.getString("content"),
                    TrustTier.parse(rs.getString("trust_tier")),
                    rs.getDouble("initial_confidence"),
                    rs.getString("session_id"),
                    rs.getString("subject_id"),
                    rs.getString("author_id"),
                    MetadataJson.read(rs.getString("extra_metadata")),
                    UtcTimes.fromDb(rs.getObject("observed_at", LocalDateTime.class)),
                    UtcTimes.fromDb(rs.getObject("created_at", LocalDateTime.class)),
                    rs.getString("superseded_by"),
                    visible || current,
                    dialect.readVector(rs, "embedding"));
        };
    }

    /** Binds every column of {@link #INSERT} / {@link #OVERWRITE}. */
    static <S extends SqlStatement<S>> S bind(S statement, Database db, BranchRef branch, Memory memory, long revFrom) {
        if (!memory.userId().equals(branch.userId())) {
            throw new InvalidInputException("user_mismatch", "A memory can only be written to its own user's branch");
        }
        if (memory.embedding() != null && memory.embedding().length != db.dimension()) {
            throw new InvalidInputException("embedding_dimension_mismatch", "Embedding has "
                    + memory.embedding().length + " dimensions; the store holds " + db.dimension());
        }
        statement.bind("user_id", branch.userId())
                .bind("branch_name", branch.branch())
                .bind("memory_id", memory.memoryId())
                .bind("rev_from", revFrom)
                .bind("memory_type", memory.memoryType().wireName())
                .bind("content", memory.content())
                .bind("trust_tier", memory.trustTier().name())
                .bind("initial_confidence", memory.initialConfidence())
                .bindByType("session_id", memory.sessionId(), String.class)
                .bindByType("subject_id", memory.subjectId(), String.class)
                .bindByType("author_id", memory.authorId(), String.class)
                .bind("extra_metadata", MetadataJson.write(memory.extraMetadata()))
                .bindByType("observed_at", UtcTimes.toDb(memory.observedAt()), LocalDateTime.class)
                .bindByType("created_at", UtcTimes.toDb(memory.createdAt() != null ? memory.createdAt() : db.now()),
                        LocalDateTime.class)
                .bindByType("superseded_by", memory.supersededBy(), String.class);
        db.dialect().bindVector(statement, "embedding", memory.embedding());
        return statement;
    }
}
