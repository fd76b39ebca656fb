package dev.memoria.adapter.sql;

import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * MatrixOne: MySQL protocol with a native {@code vecf32(N)} column and an ngram FULLTEXT index, so vector and
 * keyword search can run in the database. Vectors travel as {@code [a,b,…]} text, which the server casts
 * implicitly and sends back as VARCHAR.
 */
final class MatrixOneDialect extends MySqlDialect {

    @Override
    public String name() {
        return "matrixone";
    }

    @Override
    public String columnType(ColumnType type, int dimension) {
        return switch (type) {
            // MatrixOne has one TEXT type of up to 64 MiB; MEDIUMTEXT is an alias at best
            case LONG_TEXT -> "TEXT";
            case VECTOR -> "vecf32(" + dimension + ")";
            default -> super.columnType(type, dimension);
        };
    }

    @Override
    String renderIndex(TableDef.Index index) {
        if (index.fullText()) {
            return "FULLTEXT " + index.name() + " (" + String.join(", ", index.columns()) + ") WITH PARSER ngram";
        }
        return super.renderIndex(index);
    }

    /** MatrixOne is utf8mb4 only and compares binary by default; its DDL rejects several collation names. */
    @Override
    String tableOptions() {
        return "";
    }

    @Override
    public void bindVector(SqlStatement<?> statement, String name, float[] vector) {
        statement.bindByType(name, vector == null ? null : VectorCodec.toText(vector), String.class);
    }

    @Override
    public float[] readVector(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        // a null vecf32 may come back as '[]' (reference quirk #4): treat it as absent
        return text == null ? null : VectorCodec.fromText(text);
    }

    /** A vector as an SQL string literal, for statements where MatrixOne needs it inline (ORDER BY distance). */
    String vectorLiteral(float[] vector) {
        return "'" + VectorCodec.toText(vector) + "'";
    }

    @Override
    public boolean supportsIsolationLevel() {
        return false;
    }
}
