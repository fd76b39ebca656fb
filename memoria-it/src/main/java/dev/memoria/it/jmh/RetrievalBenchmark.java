package dev.memoria.it.jmh;

import dev.memoria.core.Memoria;
import dev.memoria.it.load.SentenceGenerator;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.RetrievalResult;
import dev.memoria.ports.in.RetrieveQuery;
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

import java.util.concurrent.TimeUnit;


/**
 * Candidate generation and scoring through the public facade (the scorer itself is package-private): a
 * retrieve of top 5 on an embedded H2 database with {@code size} memories, either keyword-only (no embedder)
 * or hybrid with free random vectors, so the number is retrieval without the model's cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RetrievalBenchmark {

    @Param({"1000", "10000"})
    public int size;

    @Param({"keyword", "hybrid"})
    public String mode;

    private BenchData data;
    private Memoria memoria;
    private SentenceGenerator queries;
    private final Caller caller = Caller.of(BenchData.USER);

    @Setup(Level.Trial)
    public void seed() {
        boolean hybrid = mode.equals("hybrid");
        data = BenchData.seeded(size, hybrid ? new RandomEmbedder() : null);
        memoria = hybrid ? data.memoria : BenchData.facade(data.storage, null);
        queries = new SentenceGenerator(7);
    }

    @TearDown(Level.Trial)
    public void close() {
        data.close();
    }

    @Benchmark
    public RetrievalResult retrieveTop5() {
        return memoria.retrieve(RetrieveQuery.simple(caller, queries.query(), 5));
    }
}
