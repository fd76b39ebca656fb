package dev.memoria.adapter.sql;

import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The few places where the supported databases differ: DDL types, upserts and how vectors travel.
 * Everything else (queries, transactions) is shared SQL.
 */
interface SqlDialect {

    /** Short lower-case name (h2, mysql, matrixone) for logs and metadata. */
    String name();

    /** The SQL type of a logical column type; {@code dimension} is the embedding length. */
    String columnType(ColumnType type, int dimension);

    /** Idempotent statements that create the table and its indexes. */
    List<String> createTable(TableDef table, int dimension);

    /**
     * An insert-or-update by primary key, with named parameters {@code :column} for every column.
     *
     * @param keyColumns   the primary key columns
     * @param valueColumns the columns overwritten when the key exists
     */
    String upsert(String table, List<String> keyColumns, List<String> valueColumns);

    /**
     * Binds an embedding (or null) to a named parameter: by default as little-endian float bytes, for the binary
     * column types of databases without a vector type.
     */
    default void bindVector(SqlStatement<?> statement, String name, float[] vector) {
        statement.bindByType(name, vector == null ? null : VectorCodec.toBytes(vector), byte[].class);
    }

    /** Reads an embedding column written by {@link #bindVector}; null when the column is null. */
    default float[] readVector(ResultSet rs, String column) throws SQLException {
        byte[] bytes = rs.getBytes(column);
        return bytes == null ? null : VectorCodec.fromBytes(bytes);
    }

    /** Whether the connection pool may set the transaction isolation level (MatrixOne does not support it). */
    /**
     * A statement to run after a write transaction commits, before the write is acknowledged, when the engine's
     * own commit does not yet hand the data to the operating system; empty when commit already does.
     */
    default java.util.Optional<String> afterCommit() {
        return java.util.Optional.empty();
    }

    /**
     * Runs one write (its transaction and {@link #afterCommit}) as the engine needs writes to run; a server
     * database lets writers run side by side and does nothing here.
     */
    default <T> T runWrite(java.util.function.Supplier<T> write) {
        return write.get();
    }

    default boolean supportsIsolationLevel() {
        return true;
    }
}
