package dev.memoria.adapter.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** MySQL 8 and MariaDB 10.6+; also the base of the MatrixOne dialect, which speaks the same protocol. */
class MySqlDialect implements SqlDialect {

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String columnType(ColumnType type, int dimension) {
        return switch (type) {
            case ID -> "VARCHAR(64)";
            case NAME -> "VARCHAR(100)";
            case CODE -> "VARCHAR(20)";
            case SUBJECT -> "VARCHAR(128)";
            case SMALL_TEXT -> "VARCHAR(255)";
            // content is up to 32 KiB of characters, i.e. up to 128 KiB of utf8mb4: more than TEXT holds
            case LONG_TEXT -> "MEDIUMTEXT";
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "DATETIME(6)";
            case VECTOR -> "MEDIUMBLOB";
        };
    }

    @Override
    public List<String> createTable(TableDef table, int dimension) {
        List<String> parts = new ArrayList<>();
        for (TableDef.Column column : table.columns()) {
            parts.add(column.name() + " " + columnType(column.type(), dimension) + (column.nullable() ? "" : " NOT NULL"));
        }
        parts.add("PRIMARY KEY (" + String.join(", ", table.primaryKey()) + ")");
        // MySQL has no CREATE INDEX IF NOT EXISTS, so indexes are declared inline to stay idempotent
        for (TableDef.Index index : table.indexes()) {
            String rendered = renderIndex(index);
            if (rendered != null) {
                parts.add(rendered);
            }
        }
        return List.of("CREATE TABLE IF NOT EXISTS " + table.name() + " (" + String.join(", ", parts) + ")"
                + tableOptions());
    }

    /** Inline index clause, or null when this dialect has no use for the index. */
    String renderIndex(TableDef.Index index) {
        if (index.fullText()) {
            return null;
        }
        return "KEY " + index.name() + " (" + String.join(", ", index.columns()) + ")";
    }

    /**
     * Binary collation: user ids, branch names and memory ids must compare exactly ("Alice" is not "alice"),
     * otherwise a case-insensitive default collation would let tenants see each other's rows.
     */
    String tableOptions() {
        return " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    }

    @Override
    public String upsert(String table, List<String> keyColumns, List<String> valueColumns) {
        List<String> all = new ArrayList<>(keyColumns);
        all.addAll(valueColumns);
        // VALUES(col) rather than the 8.0.19 row alias: MariaDB and MatrixOne only understand this form
        return "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES ("
                + all.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ") ON DUPLICATE KEY UPDATE "
                + valueColumns.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
    }
}
