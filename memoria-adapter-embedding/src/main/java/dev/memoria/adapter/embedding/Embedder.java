package dev.memoria.adapter.embedding;

import dev.memoria.ports.out.EmbeddingPort;

/**
 * An {@link EmbeddingPort} that owns resources (an ONNX session, an HTTP connection pool) and so must
 * be closed when the application stops. The server keeps one for the life of the process.
 */
public interface Embedder extends EmbeddingPort, AutoCloseable {

    /**
     * Makes the first real request fast: loads lazy native state, JIT-compiles the hot path and, for a
     * remote provider whose dimension is auto-detected, learns the dimension. Call once at start-up.
     * Failures are {@code UnavailableException}s, like any embedding call.
     */
    void warmUp();

    /** Releases native memory and connections; never throws. */
    @Override
    void close();
}
