package dev.memoria.adapter.sql;

import java.util.List;

/** A table of the schema in dialect-neutral terms, rendered to DDL by a {@link SqlDialect}. */
record TableDef(String name, List<Column> columns, List<String> primaryKey, List<Index> indexes) {

    TableDef {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        indexes = List.copyOf(indexes);
    }

    record Column(String name, ColumnType type, boolean nullable) {

        static Column required(String name, ColumnType type) {
            return new Column(name, type, false);
        }

        static Column optional(String name, ColumnType type) {
            return new Column(name, type, true);
        }
    }

    /** A secondary index; {@code fullText} indexes are only rendered by dialects that search in SQL. */
    record Index(String name, List<String> columns, boolean fullText) {

        Index {
            columns = List.copyOf(columns);
        }

        static Index on(String name, String... columns) {
            return new Index(name, List.of(columns), false);
        }

        static Index fullText(String name, String column) {
            return new Index(name, List.of(column), true);
        }
    }
}
