package dev.memoria.ports.out;

import java.time.Instant;
import java.util.Map;

/** How often each memory was returned by retrieval, per user (informational; not used for ranking). */
public interface AccessLog {

    /** Adds {@code increments} (memory id → times returned) to the user's counters. */
    void add(String userId, Map<String, Long> increments, Instant at);

    /** Total retrievals of the user's memories. */
    long total(String userId);

    /** Forgets the user's counters; returns how many memories had one. */
    long reset(String userId);
}
