package dev.memoria.adapter.embedding.openai;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The vector length every endpoint must return: the configured one, or else the first one seen
 * (after which it never changes — the database column has a fixed width).
 */
final class DimensionGuard {

    private final boolean configured;
    private final AtomicInteger dimension;

    DimensionGuard(int configured) {
        this.configured = configured > 0;
        this.dimension = new AtomicInteger(configured);
    }

    /** 0 while not configured and not yet detected. */
    int current() {
        return dimension.get();
    }

    /** @return null when {@code length} is acceptable, else why not */
    String check(int length) {
        if (dimension.compareAndSet(0, length)) {
            return null;
        }
        int expected = dimension.get();
        if (expected == length) {
            return null;
        }
        return "returned " + length + "-d vectors but " + (configured
                ? "MEMORIA_EMBEDDING_DIM is " + expected
                : "the embedding dimension was detected as " + expected + " from an earlier response");
    }
}
