package dev.memoria.core.cluster;

import dev.memoria.core.governance.Cancellation;
import dev.memoria.ports.out.DistributedLock;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs work while holding a database lock: acquire, renew every TTL/3 while the work runs, release. When a renewal
 * fails (the lock expired — this process stalled — or another holder took it), the work's {@link Cancellation} is
 * set, so the work stops at its next check instead of running twice alongside the new holder.
 */
public final class LeaseKeeper {

    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

    private final DistributedLock lock;
    private final String holder;
    private final Duration ttl;
    private final ScheduledExecutorService timer;

    public LeaseKeeper(DistributedLock lock, String holder, Duration ttl, ScheduledExecutorService timer) {
        this.lock = lock;
        this.holder = holder;
        this.ttl = ttl;
        this.timer = timer;
    }

    /** Runs {@code work} under {@code key}'s lock; empty when another holder has the lock. */
    public <T> Optional<T> runLocked(String key, Function<Cancellation, T> work) {
        if (!lock.tryAcquire(key, holder, ttl)) {
            return Optional.empty();
        }
        Cancellation cancellation = new Cancellation();
        long period = Math.max(100, ttl.toMillis() / 3);
        ScheduledFuture<?> heartbeat = timer.scheduleAtFixedRate(() -> renew(key, cancellation), period, period,
                TimeUnit.MILLISECONDS);
        try {
            return Optional.ofNullable(work.apply(cancellation));
        } finally {
            heartbeat.cancel(false);
            try {
                lock.release(key, holder);
            } catch (RuntimeException e) {
                // it expires on its own after the TTL
                LOG.log(Level.WARNING, "could not release lock " + key, e);
            }
        }
    }

    private void renew(String key, Cancellation cancellation) {
        if (cancellation.cancelled()) {
            return;
        }
        try {
            if (!lock.renew(key, holder, ttl)) {
                LOG.warning("lost lock " + key + "; telling its task to stop");
                cancellation.cancel("lock " + key + " was lost");
            }
        } catch (RuntimeException e) {
            // the database is unreachable: we cannot prove we still hold the lock, so stop
            LOG.log(Level.WARNING, "could not renew lock " + key, e);
            cancellation.cancel("lock " + key + " could not be renewed: " + e.getMessage());
        }
    }
}
