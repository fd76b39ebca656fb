package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.model.TrustTier;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NearestSearchTest {

    private static final BranchRef MAIN = BranchRef.main("alice");
    private static final float[] QUERY = {1, 0, 0};

    private final FakeIndexSource source = new FakeIndexSource();
    private final InProcessMemorySearch search = new InProcessMemorySearch(source, 8);

    private List<String> ids(MemoryFilter filter, int k) {
        return search.nearest(MAIN, ReadPoint.HEAD, QUERY, filter, k).stream().map(ScoredId::memoryId).toList();
    }

    @Test
    void ranksByCosineBestFirst() {
        source.add(MAIN, Rows.vector("far", 0, 1, 0), Rows.vector("close", 1, 0.1f, 0),
                Rows.vector("middle", 1, 1, 0), Rows.vector("opposite", -1, 0, 0));

        List<ScoredId> hits = search.nearest(MAIN, ReadPoint.HEAD, QUERY, MemoryFilter.ALL, 10);

        assertThat(hits).extracting(ScoredId::memoryId).containsExactly("close", "middle", "far", "opposite");
        assertThat(hits.get(0).score()).isCloseTo(1 / Math.sqrt(1.01), within(1e-6));
        assertThat(hits.get(1).score()).isCloseTo(Math.sqrt(0.5), within(1e-6));
        assertThat(hits.get(2).score()).isCloseTo(0, within(1e-6));
        assertThat(hits.get(3).score()).isCloseTo(-1, within(1e-6));
    }

    @Test
    void keepsOnlyTopKAndNormalisesTheQuery() {
        source.add(MAIN, Rows.vector("a", 1, 0, 0), Rows.vector("b", 1, 1, 0), Rows.vector("c", 0, 1, 0));

        List<ScoredId> hits = search.nearest(MAIN, ReadPoint.HEAD, new float[] {5, 0, 0}, MemoryFilter.ALL, 2);

        assertThat(hits).extracting(ScoredId::memoryId).containsExactly("a", "b");
        assertThat(hits.get(0).score()).isCloseTo(1, within(1e-6));
    }

    @Test
    void tiesAreOrderedByMemoryId() {
        source.add(MAIN, Rows.vector("b", 1, 0, 0), Rows.vector("c", 1, 0, 0), Rows.vector("a", 1, 0, 0));

        assertThat(ids(MemoryFilter.ALL, 2)).containsExactly("a", "b");
    }

    @Test
    void skipsRowsWithoutEmbedding() {
        source.add(MAIN, Rows.full("no-vector", "text only", null), Rows.vector("with", 0, 1, 0));

        assertThat(ids(MemoryFilter.ALL, 10)).containsExactly("with");
    }

    @Test
    void emptyBranchOrNoVectorsOrZeroKGivesNothing() {
        assertThat(ids(MemoryFilter.ALL, 5)).isEmpty();
        source.add(MAIN, Rows.full("t", "text", null));
        assertThat(ids(MemoryFilter.ALL, 5)).isEmpty();
        source.add(MAIN, Rows.vector("v", 1, 0, 0));
        assertThat(ids(MemoryFilter.ALL, 0)).isEmpty();
    }

    @Test
    void rejectsAQueryOfTheWrongDimension() {
        source.add(MAIN, Rows.vector("v", 1, 0, 0));

        assertThatThrownBy(() -> search.nearest(MAIN, ReadPoint.HEAD, new float[] {1, 0}, MemoryFilter.ALL, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filtersBySessionExactlyOrWithUnscopedRows() {
        source.add(MAIN, Rows.withSession(Rows.vector("s1", 1, 0, 0), "s1"),
                Rows.withSession(Rows.vector("s2", 1, 0.1f, 0), "s2"),
                Rows.vector("none", 1, 0.2f, 0));

        assertThat(ids(MemoryFilter.ALL.withSession(SessionFilter.exactly("s1")), 10)).containsExactly("s1");
        assertThat(ids(MemoryFilter.ALL.withSession(SessionFilter.orUnscoped("s1")), 10))
                .containsExactly("s1", "none");
    }

    @Test
    void filtersBySubjectAndByNullSubjectOnly() {
        source.add(MAIN, Rows.withSubject(Rows.vector("bob", 1, 0, 0), "bob"),
                Rows.withSubject(Rows.vector("carol", 1, 0.1f, 0), "carol"),
                Rows.vector("nobody", 1, 0.2f, 0));

        assertThat(ids(MemoryFilter.ALL.withSubject("bob"), 10)).containsExactly("bob");
        assertThat(ids(MemoryFilter.ALL.withSubjectPartition(null), 10)).containsExactly("nobody");
        assertThat(ids(MemoryFilter.ALL, 10)).containsExactly("bob", "carol", "nobody");
    }

    @Test
    void filtersByTypesAndTier() {
        source.add(MAIN, Rows.withType(Rows.vector("profile", 1, 0, 0), MemoryType.PROFILE),
                Rows.withType(Rows.vector("working", 1, 0.1f, 0), MemoryType.WORKING),
                Rows.withTier(Rows.vector("t3", 1, 0.2f, 0), TrustTier.T3));

        assertThat(ids(MemoryFilter.ALL.withTypes(Set.of(MemoryType.PROFILE, MemoryType.WORKING)), 10))
                .containsExactly("profile", "working");
        assertThat(ids(MemoryFilter.ALL.withTypes(Set.of(MemoryType.SEMANTIC)), 10)).containsExactly("t3");
        assertThat(ids(MemoryFilter.ALL.withTrustTier(TrustTier.T3), 10)).containsExactly("t3");
        assertThat(ids(MemoryFilter.ALL.withTrustTier(TrustTier.T1), 10)).containsExactly("profile", "working");
    }

    @Test
    void metadataEqualityIsTypePreserving() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("n", null);
        source.add(MAIN, Rows.withMetadata(Rows.vector("int", 1, 0, 0), Map.of("n", 2)),
                Rows.withMetadata(Rows.vector("double", 1, 0.1f, 0), Map.of("n", 2.0)),
                Rows.withMetadata(Rows.vector("string", 1, 0.2f, 0), Map.of("n", "2")),
                Rows.withMetadata(Rows.vector("bool", 1, 0.3f, 0), Map.of("n", true, "x", "y")),
                Rows.withMetadata(Rows.vector("null", 1, 0.4f, 0), withNull),
                Rows.vector("missing", 1, 0.5f, 0));

        assertThat(ids(MemoryFilter.ALL.withMetadataEquals(Map.of("n", 2)), 10)).containsExactly("int", "double");
        assertThat(ids(MemoryFilter.ALL.withMetadataEquals(Map.of("n", "2")), 10)).containsExactly("string");
        assertThat(ids(MemoryFilter.ALL.withMetadataEquals(Map.of("n", true, "x", "y")), 10))
                .containsExactly("bool");
        assertThat(ids(MemoryFilter.ALL.withMetadataEquals(Map.of("n", false)), 10)).isEmpty();
    }

    @Test
    void filterStillReturnsKMatchingRows() {
        for (int i = 0; i < 50; i++) {
            IndexRow row = Rows.vector(String.format("r%02d", i), 1, i / 10f, 0);
            source.add(MAIN, i % 10 == 9 ? Rows.withSubject(row, "rare") : row);
        }

        assertThat(ids(MemoryFilter.ALL.withSubject("rare"), 3)).containsExactly("r09", "r19", "r29");
    }
}
