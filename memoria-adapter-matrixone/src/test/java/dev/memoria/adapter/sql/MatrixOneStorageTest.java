package dev.memoria.adapter.sql;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.model.TrustTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.memoria.adapter.sql.TestMemories.memory;
import static dev.memoria.adapter.sql.TestMemories.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The storage contract on a real MatrixOne server, run only when {@code MEMORIA_IT_MATRIXONE_URL} points at one,
 * e.g. {@code mysql://root:111@127.0.0.1:6001} (a {@code jdbc:} prefix is accepted); otherwise every test is
 * reported as skipped. The contract's search tests go through {@link MatrixOneMemorySearch}, the tests below add
 * what only the SQL search path can get wrong (filters, read points, scores, sanitised patterns).
 */
@EnabledIfEnvironmentVariable(named = "MEMORIA_IT_MATRIXONE_URL", matches = ".+")
class MatrixOneStorageTest extends StorageContract {

    @Override
    StorageSettings settings(String name, int dimension, String model) {
        URI uri = URI.create(System.getenv("MEMORIA_IT_MATRIXONE_URL").replaceFirst("^jdbc:", ""));
        String[] credentials = uri.getUserInfo() == null ? new String[]{"root", "111"} : uri.getUserInfo().split(":", 2);
        return StorageSettings.server(DialectChoice.AUTO, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6001,
                credentials[0], credentials.length > 1 ? credentials[1] : "", "memoria_it_" + name, dimension, model);
    }

    @Override
    String expectedDialect() {
        return "matrixone";
    }

    private Memory put(Memory memory) {
        memories.write(main, w -> {
            w.insert(memory);
            return null;
        });
        return memory;
    }

    @Test
    void searchRunsInTheDatabase() {
        assertThat(storage.memorySearch()).isInstanceOf(MatrixOneMemorySearch.class);
    }

    @Test
    void nearestScoresAreCosineSimilaritiesBestFirst() {
        Memory a = put(memory(user, "alpha").withEmbedding(TestMemories.vector(DIM, 1)));
        Memory b = put(memory(user, "beta").withEmbedding(TestMemories.vector(DIM, 2)));
        put(memory(user, "no embedding"));

        List<ScoredId> hits = storage.memorySearch().nearest(main, ReadPoint.HEAD, a.embedding(), MemoryFilter.ALL, 5);
        assertThat(hits).extracting(ScoredId::memoryId).containsExactly(a.memoryId(), b.memoryId());
        assertThat(hits.get(0).score()).isCloseTo(1.0, within(1e-5));
        double cosine = 0;
        for (int i = 0; i < DIM; i++) {
            cosine += a.embedding()[i] * b.embedding()[i];
        }
        assertThat(hits.get(1).score()).isCloseTo(cosine, within(1e-4));
    }

    @Test
    void searchFiltersRunInSqlAndMetadataInJava() {
        Memory inSession = put(with(memory(user, "session apple"), MemoryType.SEMANTIC, TrustTier.T1, "s1", null).withEmbedding(TestMemories.vector(DIM, 1)));
        Memory unscoped = put(memory(user, "unscoped apple").withEmbedding(TestMemories.vector(DIM, 2))
                .withExtraMetadata(Map.of("n", 2)));
        put(with(memory(user, "other apple"), MemoryType.SEMANTIC, TrustTier.T1, "s2", null)
                .withEmbedding(TestMemories.vector(DIM, 3)));
        var search = storage.memorySearch();
        float[] q = TestMemories.vector(DIM, 1);

        MemoryFilter orUnscoped = MemoryFilter.ALL.withSession(SessionFilter.orUnscoped("s1"));
        assertThat(search.nearest(main, ReadPoint.HEAD, q, orUnscoped, 5)).extracting(ScoredId::memoryId)
                .containsExactlyInAnyOrder(inSession.memoryId(), unscoped.memoryId());
        assertThat(search.keyword(main, ReadPoint.HEAD, "apple", MemoryFilter.ALL.withSession(SessionFilter.exactly("s1")), 5))
                .extracting(ScoredId::memoryId).containsExactly(inSession.memoryId());
        MemoryFilter metadata = MemoryFilter.ALL.withMetadataEquals(Map.of("n", 2.0));
        assertThat(search.nearest(main, ReadPoint.HEAD, q, metadata, 5)).extracting(ScoredId::memoryId)
                .containsExactly(unscoped.memoryId());
        assertThat(search.keyword(main, ReadPoint.HEAD, "apple", MemoryFilter.ALL.withMetadataEquals(Map.of("n", "2")), 5))
                .isEmpty();
    }

    @Test
    void keywordSearchOrsSanitisedWordsAndScoresAboveZero() {
        Memory cat = put(memory(user, "the cat sat on the mat"));
        Memory dog = put(memory(user, "dogs bark loudly"));
        List<ScoredId> hits = storage.memorySearch().keyword(main, ReadPoint.HEAD, "+cat -\"dogs\" (zebra)*", MemoryFilter.ALL, 5);
        assertThat(hits).extracting(ScoredId::memoryId).containsExactlyInAnyOrder(cat.memoryId(), dog.memoryId());
        assertThat(hits).allSatisfy(h -> assertThat(h.score()).isPositive());
        assertThat(storage.memorySearch().keyword(main, ReadPoint.HEAD, "+]]] ()", MemoryFilter.ALL, 5)).isEmpty();
    }

    @Test
    void cjkTextIsFoundThroughTheNgramParser() {
        Memory zh = put(memory(user, "我喜欢机器学习和深度学习"));
        assertThat(storage.memorySearch().keyword(main, ReadPoint.HEAD, "机器学习", MemoryFilter.ALL, 5))
                .extracting(ScoredId::memoryId).containsExactly(zh.memoryId());
    }

    @Test
    void searchAtAPastRevisionSeesThatState() {
        Memory old = put(memory(user, "vintage record").withEmbedding(TestMemories.vector(DIM, 4)));
        long revision = versions.headRevision(main);
        memories.write(main, w -> w.end(old.memoryId(), null));
        var search = storage.memorySearch();
        assertThat(search.keyword(main, ReadPoint.HEAD, "vintage", MemoryFilter.ALL, 5)).isEmpty();
        assertThat(search.keyword(main, ReadPoint.at(revision), "vintage", MemoryFilter.ALL, 5))
                .extracting(ScoredId::memoryId).containsExactly(old.memoryId());
        assertThat(search.nearest(main, ReadPoint.at(revision), old.embedding(), MemoryFilter.ALL, 5))
                .extracting(ScoredId::memoryId).containsExactly(old.memoryId());
        assertThat(search.nearest(BranchRef.main(TestMemories.newUser()), ReadPoint.HEAD, old.embedding(),
                MemoryFilter.ALL, 5)).isEmpty();
    }
}
