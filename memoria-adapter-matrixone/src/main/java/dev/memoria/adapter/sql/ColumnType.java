package dev.memoria.adapter.sql;

/** Logical column types of the schema; each dialect renders them in its own words. */
enum ColumnType {
    /** Identifiers: memory ids, user ids, session ids (up to 64 chars). */
    ID,
    /** Branch and snapshot names. */
    NAME,
    /** Short enumerations (memory type, trust tier, signal). */
    CODE,
    /** Subject ids (up to 128 chars). */
    SUBJECT,
    /** Small free-form values (schema metadata). */
    SMALL_TEXT,
    /** Memory content and JSON documents. */
    LONG_TEXT,
    BIGINT,
    DOUBLE,
    BOOLEAN,
    /** A UTC instant with microsecond precision, stored without a zone. */
    TIMESTAMP,
    /** The embedding, of the schema's fixed dimension. */
    VECTOR
}
