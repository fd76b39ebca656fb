package dev.memoria.adapter.sql;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The server-independent parts of MatrixOneMemorySearch: scores, query vectors, metadata checks, errors. */
class MatrixOneMemorySearchTest {

    @Test
    void l2DistanceOfUnitVectorsConvertsToCosineSimilarity() {
        assertThat(MatrixOneMemorySearch.cosineFromL2(0)).isEqualTo(1.0);
        assertThat(MatrixOneMemorySearch.cosineFromL2(Math.sqrt(2))).isCloseTo(0.0, within(1e-12));
        assertThat(MatrixOneMemorySearch.cosineFromL2(2)).isEqualTo(-1.0);
        // float32 rounding on the server can overshoot 2
        assertThat(MatrixOneMemorySearch.cosineFromL2(2.0000001)).isEqualTo(-1.0);
        // the reference's conversions: cos 0.95 <-> L2 0.3162
        assertThat(MatrixOneMemorySearch.cosineFromL2(0.3162)).isCloseTo(0.95, within(1e-4));
    }

    @Test
    void queriesAreScaledToUnitLengthAndMustBeFinite() {
        float[] unit = MatrixOneMemorySearch.unitLength(new float[]{3f, 4f});
        assertThat(unit).containsExactly(0.6f, 0.8f);
        assertThat(MatrixOneMemorySearch.unitLength(new float[]{0f, 0f})).isNull();
        assertThatThrownBy(() -> MatrixOneMemorySearch.unitLength(new float[]{Float.NaN, 1f}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatrixOneMemorySearch.unitLength(new float[]{Float.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vectorLiteralsAreRenderedFromFiniteFloatsOnly() {
        MatrixOneDialect dialect = new MatrixOneDialect();
        assertThat(dialect.vectorLiteral(new float[]{0.6f, -0.8f, 1.0E-10f})).isEqualTo("'[0.6,-0.8,1.0E-10]'");
        assertThatThrownBy(() -> dialect.vectorLiteral(new float[]{Float.NaN})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dialect.vectorLiteral(new float[]{Float.NEGATIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metadataEqualityKeepsJsonTypesApart() {
        Map<String, Object> stored = MetadataJson.read("{\"n\": 2, \"s\": \"2\", \"b\": true}");
        assertThat(MatrixOneMemorySearch.metadataMatches(Map.of("n", 2.0), stored)).isTrue();
        assertThat(MatrixOneMemorySearch.metadataMatches(Map.of("s", 2), stored)).isFalse();
        assertThat(MatrixOneMemorySearch.metadataMatches(Map.of("n", 2, "b", true), stored)).isTrue();
        assertThat(MatrixOneMemorySearch.metadataMatches(Map.of("missing", "x"), stored)).isFalse();
    }

    @Test
    void keywordScoresStayAboveZero() {
        assertThat(MatrixOneMemorySearch.positive(1.63)).isEqualTo(1.63);
        assertThat(MatrixOneMemorySearch.positive(0)).isPositive();
    }

    @Test
    void anEmptyFullTextPatternIsNoMatchNotAFailure() {
        RuntimeException wrapped = new RuntimeException(new SQLException(
                "Invalid input search string.  search string converted to empty pattern", "HY000", 20101));
        assertThat(MatrixOneMemorySearch.isEmptyPattern(wrapped)).isTrue();
        assertThat(MatrixOneMemorySearch.isEmptyPattern(new RuntimeException(new SQLException("boom", "HY000", 1105))))
                .isFalse();
    }
}
