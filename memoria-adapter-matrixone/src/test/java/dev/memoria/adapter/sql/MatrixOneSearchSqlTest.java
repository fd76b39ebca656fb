package dev.memoria.adapter.sql;

import dev.memoria.adapter.sql.MatrixOneSearchSql.RankMode;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.model.TrustTier;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The search SQL MatrixOneMemorySearch sends, for every filter combination (MatrixOne cannot run here). */
class MatrixOneSearchSqlTest {

    private static final BranchRef MAIN = BranchRef.main("alice");
    private static final String VEC = new MatrixOneDialect().vectorLiteral(new float[]{0.6f, 0.8f});

    private static Conditions where(ReadPoint at, MemoryFilter filter) {
        return Conditions.onBranch(MAIN).activeAt(at).matching(filter);
    }

    @Test
    void nearestAtHeadWithoutFilters() {
        assertThat(MatrixOneSearchSql.nearest(where(ReadPoint.HEAD, MemoryFilter.ALL), VEC, 10, RankMode.PRE, false))
                .isEqualTo("SELECT memory_id, l2_distance(embedding, '[0.6,0.8]') AS l2_dist FROM mem_memory_versions "
                        + "WHERE user_id = :user_id AND branch_name = :branch_name AND rev_to IS NULL "
                        + "AND embedding IS NOT NULL ORDER BY l2_distance(embedding, '[0.6,0.8]') ASC LIMIT 10 "
                        + "BY RANK WITH OPTION 'mode=pre'");
    }

    @Test
    void nearestAtAPastRevisionWithEveryFilterAndTheExactFallback() {
        MemoryFilter filter = MemoryFilter.ALL.withSession(SessionFilter.orUnscoped("s1")).withSubject("bob")
                .withTypes(new LinkedHashSet<>(List.of(MemoryType.SEMANTIC))).withTrustTier(TrustTier.T2);
        Conditions where = where(ReadPoint.at(7), filter);
        assertThat(MatrixOneSearchSql.nearest(where, VEC, 3, RankMode.EXACT, false))
                .isEqualTo("SELECT memory_id, l2_distance(embedding, '[0.6,0.8]') AS l2_dist FROM mem_memory_versions "
                        + "WHERE user_id = :user_id AND branch_name = :branch_name "
                        + "AND rev_from <= :at_rev AND (rev_to IS NULL OR rev_to > :at_rev) "
                        + "AND (session_id = :f_session OR session_id IS NULL) AND subject_id = :f_subject "
                        + "AND memory_type IN (:f_type0) AND trust_tier = :f_tier "
                        + "AND embedding IS NOT NULL ORDER BY l2_distance(embedding, '[0.6,0.8]') ASC LIMIT 3 "
                        + "BY RANK WITH OPTION 'mode=force'");
    }

    @Test
    void exactSessionAndNullSubjectOnly() {
        MemoryFilter filter = MemoryFilter.ALL.withSession(SessionFilter.exactly("s1")).withSubjectPartition(null);
        assertThat(MatrixOneSearchSql.nearest(where(ReadPoint.HEAD, filter), VEC, 5, RankMode.PRE, false))
                .contains("AND rev_to IS NULL AND session_id = :f_session AND subject_id IS NULL AND embedding IS NOT NULL");
    }

    @Test
    void severalTypesBindOneParameterEach() {
        MemoryFilter filter = MemoryFilter.ALL.withTypes(new LinkedHashSet<>(List.of(MemoryType.SEMANTIC,
                MemoryType.EPISODIC)));
        assertThat(MatrixOneSearchSql.keyword(where(ReadPoint.HEAD, filter), 5, false))
                .contains("memory_type IN (:f_type0, :f_type1)");
    }

    @Test
    void metadataFiltersSelectTheJsonForTheJavaCheckAndNeverReachTheSql() {
        MemoryFilter filter = MemoryFilter.ALL.withMetadataEquals(Map.of("project", "x' OR 1=1 --"));
        String nearest = MatrixOneSearchSql.nearest(where(ReadPoint.HEAD, filter), VEC, 100, RankMode.EXACT, true);
        assertThat(nearest).startsWith("SELECT memory_id, extra_metadata, l2_distance(").doesNotContain("project", "OR 1=1");
        String keyword = MatrixOneSearchSql.keyword(where(ReadPoint.HEAD, filter), 100, true);
        assertThat(keyword).startsWith("SELECT memory_id, extra_metadata, MATCH(").doesNotContain("project");
    }

    @Test
    void keywordAtHeadUsesBooleanModeWithABoundPattern() {
        assertThat(MatrixOneSearchSql.keyword(where(ReadPoint.HEAD, MemoryFilter.ALL), 20, false))
                .isEqualTo("SELECT memory_id, MATCH(content) AGAINST(:ft_query IN BOOLEAN MODE) AS ft_score "
                        + "FROM mem_memory_versions WHERE user_id = :user_id AND branch_name = :branch_name "
                        + "AND rev_to IS NULL AND MATCH(content) AGAINST(:ft_query IN BOOLEAN MODE) "
                        + "ORDER BY ft_score DESC, memory_id DESC LIMIT 20");
    }

    @Test
    void keywordAtAPastRevisionWithFilters() {
        MemoryFilter filter = MemoryFilter.ALL.withSession(SessionFilter.exactly("s")).withTrustTier(TrustTier.T1);
        assertThat(MatrixOneSearchSql.keyword(where(ReadPoint.at(3), filter), 4, false))
                .contains("WHERE user_id = :user_id AND branch_name = :branch_name "
                        + "AND rev_from <= :at_rev AND (rev_to IS NULL OR rev_to > :at_rev) "
                        + "AND session_id = :f_session AND trust_tier = :f_tier AND MATCH(content)")
                .endsWith("LIMIT 4");
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> MatrixOneSearchSql.keyword(where(ReadPoint.HEAD, MemoryFilter.ALL), 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MatrixOneSearchSql.nearest(where(ReadPoint.HEAD, MemoryFilter.ALL), VEC, -1,
                RankMode.PRE, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
