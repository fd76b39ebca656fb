package dev.memoria.it.jmh;

import dev.memoria.it.load.SentenceGenerator;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.out.MemorySearch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The in-process index on its own: exact cosine top-k over the branch's vectors, and Lucene BM25 top-k. The
 * index is warm (built by the first search in setup), as it is for every request but the first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IndexSearchBenchmark {

    private static final int K = 20;

    @Param({"1000", "10000"})
    public int size;

    private BenchData data;
    private MemorySearch search;
    private final BranchRef branch = BranchRef.main(BenchData.USER);
    private final SplittableRandom random = new SplittableRandom(11);
    private final SentenceGenerator queries = new SentenceGenerator(13);

    @Setup(Level.Trial)
    public void seed() {
        data = BenchData.seeded(size, new RandomEmbedder());
        search = data.storage.memorySearch();
        search.nearest(branch, ReadPoint.HEAD, RandomEmbedder.unitVector(1), MemoryFilter.ALL, K);
    }

    @TearDown(Level.Trial)
    public void close() {
        data.close();
    }

    @Benchmark
    public List<ScoredId> nearest() {
        return search.nearest(branch, ReadPoint.HEAD, RandomEmbedder.unitVector(random.nextLong()), MemoryFilter.ALL, K);
    }

    @Benchmark
    public List<ScoredId> keyword() {
        return search.keyword(branch, ReadPoint.HEAD, queries.query(), MemoryFilter.ALL, K);
    }
}
