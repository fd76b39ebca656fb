package dev.memoria.core.usage;

import dev.memoria.ports.model.ApiCall;
import dev.memoria.ports.out.UsageLog;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts calls and tool uses off the request path, as {@code AccessCounter} counts retrievals: a request only
 * appends to a queue, and a background flush writes what gathered in one batch a couple of seconds later. The
 * queue is bounded — when the database cannot keep up, calls beyond it are dropped and counted as dropped
 * rather than slowing requests or growing the heap; analytics are informational.
 */
public final class UsageRecorder implements AutoCloseable {

    static final long FLUSH_DELAY_MS = 2_000;
    static final int MAX_PENDING = 10_000;
    /** Calls older than this are removed, once a day, so the log stays as large as the longest report needs. */
    static final java.time.Duration RETENTION = java.time.Duration.ofDays(90);
    private static final System.Logger LOG = System.getLogger(UsageRecorder.class.getName());

    private final UsageLog log;
    private final Clock clock;
    private final ConcurrentLinkedQueue<ApiCall> calls = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCalls = new AtomicInteger();
    private final Map<String, Map<String, Instant>> tools = new ConcurrentHashMap<>();
    private final AtomicInteger dropped = new AtomicInteger();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private Instant lastPrune = Instant.MIN;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "memoria-usage");
        thread.setDaemon(true);
        return thread;
    });

    public UsageRecorder(UsageLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void call(ApiCall call) {
        if (pendingCalls.incrementAndGet() > MAX_PENDING) {
            pendingCalls.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        calls.add(call);
        scheduleFlush();
    }

    void tool(String userId, String toolName) {
        tools.computeIfAbsent(userId, u -> new ConcurrentHashMap<>()).put(toolName, clock.instant());
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            try {
                flusher.schedule(this::flush, FLUSH_DELAY_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                flushScheduled.set(false);
            }
        }
    }

    /** Calls dropped because the queue was full, since start. */
    public int dropped() {
        return dropped.get();
    }

    /** Writes everything gathered so far; readers call it first so that a report includes the latest calls. */
    public synchronized void flush() {
        flushScheduled.set(false);
        List<ApiCall> batch = new ArrayList<>();
        for (ApiCall call = calls.poll(); call != null; call = calls.poll()) {
            pendingCalls.decrementAndGet();
            batch.add(call);
        }
        try {
            if (!batch.isEmpty()) {
                log.recordCalls(batch);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "{0} calls not recorded: {1}", batch.size(), e.getMessage());
        }
        pruneDaily();
        for (String userId : tools.keySet()) {
            Map<String, Instant> used = tools.remove(userId);
            if (used == null || used.isEmpty()) {
                continue;
            }
            try {
                log.touchTools(userId, new HashMap<>(used));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "tool use of {0} not recorded: {1}", userId, e.getMessage());
            }
        }
    }

    private void pruneDaily() {
        Instant now = clock.instant();
        if (lastPrune.isAfter(now.minus(java.time.Duration.ofDays(1)))) {
            return;
        }
        lastPrune = now;
        try {
            log.prune(now.minus(RETENTION));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "old calls not pruned: {0}", e.getMessage());
        }
    }

    /** Writes what is pending and stops the background flush. */
    @Override
    public void close() {
        flusher.shutdown();
        flush();
    }
}
