package dev.memoria.adapter.embedding.openai;

import java.time.Duration;

/** Exponential backoff between retries of one request: initial, 2×, 4×, … capped at {@code max}. */
record Backoff(Duration initial, Duration max) {

    static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    /** Delay before retry number {@code retry} (1 = the first retry). */
    Duration delay(int retry) {
        Duration d = initial.multipliedBy(1L << Math.min(Math.max(retry - 1, 0), 20));
        return d.compareTo(max) > 0 ? max : d;
    }
}
