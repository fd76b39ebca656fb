package dev.memoria.it.jmh;

import dev.memoria.adapter.sql.SqlStorage;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The first search of a user after the server starts: it loads the branch's active rows from the database and
 * builds the vector arena and the Lucene index. Each invocation reopens the database so the index is cold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndexBuildBenchmark {

    @Param({"1000", "10000"})
    public int size;

    private Path dir;
    private SqlStorage storage;
    private final BranchRef branch = BranchRef.main(BenchData.USER);

    @Setup(Level.Trial)
    public void seed() {
        BenchData data = BenchData.seeded(size, new RandomEmbedder());
        dir = data.dir;
        data.closeStorage();
    }

    @Setup(Level.Invocation)
    public void open() {
        storage = BenchData.reopen(dir);
    }

    @TearDown(Level.Invocation)
    public void closeStorage() {
        storage.close();
    }

    @TearDown(Level.Trial)
    public void delete() {
        BenchData.delete(dir);
    }

    @Benchmark
    public List<ScoredId> firstSearch() {
        return storage.memorySearch().nearest(branch, ReadPoint.HEAD, RandomEmbedder.unitVector(3), MemoryFilter.ALL, 20);
    }
}
