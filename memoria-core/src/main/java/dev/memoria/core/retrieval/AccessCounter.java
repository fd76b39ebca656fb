package dev.memoria.core.retrieval;

import dev.memoria.ports.out.AccessLog;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts how often memories are returned, off the request path: retrieval adds to an in-memory tally and a
 * background flush writes it in one batch a few seconds later, so counting costs a retrieval nothing but a
 * map update. Counts in flight are lost if the process dies — they are informational only.
 */
public final class AccessCounter {

    static final long FLUSH_DELAY_MS = 2_000;
    private static final System.Logger LOG = System.getLogger(AccessCounter.class.getName());

    private final AccessLog log;
    private final Clock clock;
    private final Map<String, Map<String, AtomicLong>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "memoria-access-counts");
        thread.setDaemon(true);
        return thread;
    });

    public AccessCounter(AccessLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void record(String userId, Collection<String> memoryIds) {
        if (memoryIds.isEmpty()) {
            return;
        }
        Map<String, AtomicLong> user = pending.computeIfAbsent(userId, u -> new ConcurrentHashMap<>());
        memoryIds.forEach(id -> user.computeIfAbsent(id, i -> new AtomicLong()).incrementAndGet());
        if (flushScheduled.compareAndSet(false, true)) {
            flusher.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes everything tallied so far. */
    public synchronized void flush() {
        flushScheduled.set(false);
        for (String userId : pending.keySet()) {
            Map<String, AtomicLong> counts = pending.remove(userId);
            if (counts == null || counts.isEmpty()) {
                continue;
            }
            Map<String, Long> increments = new HashMap<>();
            counts.forEach((id, n) -> increments.put(id, n.get()));
            try {
                log.add(userId, increments, clock.instant());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "access counts of {0} not recorded: {1}", userId, e.getMessage());
            }
        }
    }

    /** Clears the user's counters, including the tally not yet written. */
    public synchronized long reset(String userId) {
        pending.remove(userId);
        return log.reset(userId);
    }

    public long total(String userId) {
        flush();
        return log.total(userId);
    }
}
