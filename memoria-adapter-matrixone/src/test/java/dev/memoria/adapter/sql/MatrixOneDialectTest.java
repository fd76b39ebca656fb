package dev.memoria.adapter.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MatrixOne cannot run on the build machines, so its SQL is checked as text. */
class MatrixOneDialectTest {

    private final MatrixOneDialect dialect = new MatrixOneDialect();

    @Test
    void memoryTableUsesANativeVectorColumnAndAnNgramFullTextIndex() {
        List<String> ddl = dialect.createTable(SchemaDefinition.MEMORIES, 384);

        assertThat(ddl).hasSize(1);
        String sql = ddl.get(0);
        assertThat(sql).startsWith("CREATE TABLE IF NOT EXISTS mem_memory_versions (")
                .contains("embedding vecf32(384)")
                .contains("content TEXT NOT NULL")
                .contains("created_at DATETIME(6) NOT NULL")
                .contains("PRIMARY KEY (user_id, branch_name, memory_id, rev_from)")
                .contains("KEY idx_mv_current (user_id, branch_name, rev_to, memory_id)")
                .contains("FULLTEXT ft_mv_content (content) WITH PARSER ngram")
                // MatrixOne rejects several collation names in DDL and is utf8mb4-only anyway
                .doesNotContain("COLLATE")
                .endsWith(")");
    }

    @Test
    void vectorsNeverAppearInAnIndex() {
        for (TableDef table : SchemaDefinition.ALL) {
            for (TableDef.Index index : table.indexes()) {
                assertThat(index.columns()).doesNotContain("embedding");
            }
            assertThat(table.primaryKey()).doesNotContain("embedding");
        }
    }

    @Test
    void everyTableRendersIdempotentDdl() {
        for (TableDef table : SchemaDefinition.ALL) {
            assertThat(dialect.createTable(table, 8)).allSatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE IF NOT EXISTS "));
        }
    }

    @Test
    void upsertUsesValuesFunctionRatherThanARowAlias() {
        assertThat(dialect.upsert("mem_user_state", List.of("user_id"), List.of("branch_name", "updated_at")))
                .isEqualTo("INSERT INTO mem_user_state (user_id, branch_name, updated_at) VALUES (:user_id, :branch_name, "
                        + ":updated_at) ON DUPLICATE KEY UPDATE branch_name = VALUES(branch_name), "
                        + "updated_at = VALUES(updated_at)");
    }

    @Test
    void vectorLiteralIsBracketedAndExact() {
        assertThat(dialect.vectorLiteral(new float[]{1f, -0.5f, 3.25e-8f})).isEqualTo("'[1.0,-0.5,3.25E-8]'");
        assertThatThrownBy(() -> dialect.vectorLiteral(new float[]{Float.NaN})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsTheServersVectorTextForm() {
        assertThat(VectorCodec.fromText("[0.34881967, 0.0028086076, 0.5752134]"))
                .containsExactly(0.34881967f, 0.0028086076f, 0.5752134f);
        assertThat(VectorCodec.fromText("[]")).isNull();
        float[] vector = TestMemories.vector(16, 3);
        assertThat(VectorCodec.fromText(VectorCodec.toText(vector))).containsExactly(vector);
    }

    @Test
    void doesNotSetTheIsolationLevel() {
        assertThat(dialect.supportsIsolationLevel()).isFalse();
    }

    @Test
    void serverUrlCarriesMatrixOneSettings() {
        StorageSettings settings = StorageSettings.server(DialectChoice.MATRIXONE, "mo", 0, "root", "111", "memoria", 8, null);
        String url = ConnectionPools.serverUrl(settings, dialect, true);
        assertThat(url).startsWith("jdbc:mysql://mo:6001/memoria?")
                .contains("useLocalSessionState=true", "readOnlyPropagatesToServer=false", "connectionTimeZone=UTC")
                .doesNotContain("useCursorFetch");
    }
}
