package dev.memoria.adapter.sql;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** The IVFFLAT DDL and its sizing rule. */
class MatrixOneVectorIndexTest {

    @Test
    void listsAreOnePerFiftyRowsBetweenOneAnd1024() {
        assertThat(MatrixOneVectorIndex.lists(0)).isEqualTo(1);
        assertThat(MatrixOneVectorIndex.lists(499)).isEqualTo(9);
        assertThat(MatrixOneVectorIndex.lists(500)).isEqualTo(10);
        assertThat(MatrixOneVectorIndex.lists(51_200)).isEqualTo(1024);
        assertThat(MatrixOneVectorIndex.lists(10_000_000_000L)).isEqualTo(1024);
    }

    @Test
    void createsAnL2IvfIndexMatchingTheL2DistanceQueries() {
        assertThat(MatrixOneVectorIndex.createSql(12_345))
                .isEqualTo("CREATE INDEX mem_memory_versions_embedding_ivf USING IVFFLAT ON mem_memory_versions "
                        + "(embedding) LISTS = 246 OP_TYPE 'vector_l2_ops'");
    }

    @Test
    void countsEmbeddedRowsAndLooksForTheIndexByBoundName() {
        assertThat(MatrixOneVectorIndex.COUNT_SQL)
                .isEqualTo("SELECT COUNT(*) FROM mem_memory_versions WHERE embedding IS NOT NULL");
        assertThat(MatrixOneVectorIndex.EXISTS_SQL).contains("information_schema.statistics", "table_schema = DATABASE()",
                "table_name = :table_name", "index_name = :index_name");
    }

    @Test
    void recognisesAnIndexCreatedConcurrently() {
        assertThat(MatrixOneVectorIndex.alreadyExists(new SQLException("Duplicate key name 'x'", "42000", 1061))).isTrue();
        assertThat(MatrixOneVectorIndex.alreadyExists(new SQLException("index x already exists", "HY000", 20101 + 1))).isTrue();
        assertThat(MatrixOneVectorIndex.alreadyExists(new SQLException("syntax error", "42000", 1064))).isFalse();
    }
}
