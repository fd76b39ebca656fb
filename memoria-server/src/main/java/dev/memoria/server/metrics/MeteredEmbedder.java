package dev.memoria.server.metrics;

import dev.memoria.ports.out.EmbeddingPort;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.List;
import java.util.function.Supplier;

/** Times every embedding call and counts failures, whatever the provider. */
public final class MeteredEmbedder implements EmbeddingPort {

    private final EmbeddingPort delegate;
    private final Timer single;
    private final Timer batch;
    private final Counter errors;

    public MeteredEmbedder(EmbeddingPort delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.single = Timer.builder("memoria_embedding_duration_seconds").tag("mode", "single")
                .publishPercentileHistogram().register(registry);
        this.batch = Timer.builder("memoria_embedding_duration_seconds").tag("mode", "batch")
                .publishPercentileHistogram().register(registry);
        this.errors = Counter.builder("memoria_embedding_errors_total").register(registry);
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public boolean multilingual() {
        return delegate.multilingual();
    }

    @Override
    public double unrelatedSimilarity() {
        return delegate.unrelatedSimilarity();
    }

    @Override
    public float[] embed(String text) {
        return timed(single, () -> delegate.embed(text));
    }

    @Override
    public float[] embedQuery(String text) {
        return timed(single, () -> delegate.embedQuery(text));
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return timed(batch, () -> delegate.embedAll(texts));
    }

    private <T> T timed(Timer timer, Supplier<T> call) {
        try {
            return timer.record(call);
        } catch (RuntimeException e) {
            errors.increment();
            throw e;
        }
    }
}
