package dev.memoria.it.jmh;

import dev.memoria.adapter.embedding.Embedder;
import dev.memoria.adapter.embedding.Embedders;
import dev.memoria.adapter.embedding.EmbeddingSettings;
import dev.memoria.it.load.SentenceGenerator;
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
 * One text through the local ONNX model, the dominant cost of every store and retrieve. The int8 model is the
 * one recommended for bulk writes. Throughput over batches is in docs/EMBEDDINGS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EmbeddingBenchmark {

    @Param({EmbeddingSettings.DEFAULT_MODEL, "e5-small-v2-q", "all-MiniLM-L6-v2"})
    public String model;

    private Embedder embedder;
    private final SentenceGenerator text = new SentenceGenerator(5);

    @Setup(Level.Trial)
    public void load() {
        embedder = Embedders.create(EmbeddingSettings.of(EmbeddingSettings.LOCAL, model, null, null, null, 0));
        embedder.warmUp();
    }

    @TearDown(Level.Trial)
    public void close() {
        embedder.close();
    }

    @Benchmark
    public float[] embedOne() {
        return embedder.embed(text.memory());
    }
}
