package dev.memoria.adapter.sql;

import dev.memoria.ports.error.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The H2 and MySQL renderings, settings validation and the byte layout of stored vectors. */
class DialectRenderingTest {

    @Test
    void h2CreatesIndexesSeparatelyAndSkipsFullText() {
        List<String> ddl = new H2Dialect().createTable(SchemaDefinition.MEMORIES, 4);
        assertThat(ddl.get(0)).contains("embedding VARBINARY(16)");
        assertThat(ddl).contains("CREATE INDEX IF NOT EXISTS idx_mv_current ON mem_memory_versions "
                + "(user_id, branch_name, rev_to, memory_id)");
        assertThat(String.join(";", ddl)).doesNotContain("ft_mv_content");
    }

    @Test
    void h2UpsertIsAMerge() {
        assertThat(new H2Dialect().upsert("t", List.of("k"), List.of("v")))
                .isEqualTo("MERGE INTO t (k, v) KEY (k) VALUES (:k, :v)");
    }

    @Test
    void mysqlTablesCompareIdsExactly() {
        String ddl = new MySqlDialect().createTable(SchemaDefinition.BRANCHES, 4).get(0);
        assertThat(ddl).endsWith("COLLATE=utf8mb4_bin");
        assertThat(new MySqlDialect().createTable(SchemaDefinition.MEMORIES, 4).get(0))
                .contains("embedding MEDIUMBLOB").doesNotContain("FULLTEXT");
    }

    @Test
    void vectorsAreLittleEndianFloat32() {
        byte[] bytes = VectorCodec.toBytes(new float[]{1.0f});
        assertThat(bytes).containsExactly(0x00, 0x00, (byte) 0x80, 0x3f);
        float[] vector = TestMemories.vector(7, 9);
        assertThat(VectorCodec.fromBytes(VectorCodec.toBytes(vector))).containsExactly(vector);
    }

    @Test
    void likePatternEscapesWildcards() {
        assertThat(SqlMemoryStore.containsPattern("A_b%c!")).isEqualTo("%a!_b!%c!!%");
    }

    @Test
    void settingsRejectUnsafeOrIncompleteValues() {
        assertThatThrownBy(() -> StorageSettings.server(DialectChoice.MYSQL, "h", 3306, "u", "p", "bad-name;drop", 8, null))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> StorageSettings.h2(Path.of("x"), 0, null)).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> StorageSettings.server(DialectChoice.MYSQL, "", 3306, "u", "p", "db", 8, null))
                .isInstanceOf(ConfigurationException.class);
        assertThat(DialectChoice.parse("MariaDB")).isEqualTo(DialectChoice.MYSQL);
        assertThat(DialectChoice.parse(null)).isEqualTo(DialectChoice.AUTO);
        assertThatThrownBy(() -> DialectChoice.parse("oracle")).isInstanceOf(ConfigurationException.class);
        assertThat(StorageSettings.server(DialectChoice.MYSQL, "h", 1, "u", "secret", "db", 8, null).toString())
                .doesNotContain("secret");
    }
}
