package dev.memoria.adapter.sql.index;

import dev.memoria.ports.model.BranchRef;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One cache entry: the index of a branch at its head (kept up to date) or at a fixed past revision.
 *
 * <p>Concurrency, and why this shape: searches never lock. They read the volatile {@link #current} snapshot,
 * take a reference on it and scan it. Building and advancing happen under a per-entry lock, so concurrent
 * requests for the same entry build once (the others wait on the lock, then find the result). Advancing is
 * copy-on-write at snapshot granularity but cheap: rows are appended to a shared write-once arena and only
 * the live bit set (12 KB for 100k rows) and the chunk-reference array are copied, while Lucene gives a new
 * point-in-time reader that reuses unchanged segments. A search that started on the old snapshot keeps a
 * consistent view (its slots are never rewritten, its reader never changes), which a shared, in-place updated
 * index with a read-write lock could only offer by blocking searches during every update.
 */
final class CachedIndex {

    /** Ended/replaced rows tolerated in the arena before a head index is rebuilt from the source. */
    static final int MIN_DEAD_BEFORE_COMPACTION = 4096;

    private final BranchRef branch;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile IndexSnapshot current;
    /** Writable state of a head entry; null for past entries once built and after close. Guarded by lock. */
    private BranchIndex writable;
    private boolean closed;

    CachedIndex(BranchRef branch) {
        this.branch = branch;
    }

    /** A referenced snapshot of exactly {@code revision} if this entry currently holds one, else null. */
    IndexSnapshot tryAcquireExactly(long revision) {
        IndexSnapshot snapshot = current;
        if (snapshot != null && snapshot.revision() == revision && snapshot.tryAcquire()) {
            return snapshot;
        }
        return null;
    }

    /**
     * A referenced snapshot of the branch head, brought to {@code head} incrementally when it is behind.
     * Null when the entry was evicted meanwhile (the caller looks it up again).
     */
    IndexSnapshot acquireHead(IndexSource source, long head) {
        IndexSnapshot fast = tryAcquireExactly(head);
        if (fast != null) {
            return fast;
        }
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            refreshLocked(source, head);
            return acquireLocked();
        } finally {
            lock.unlock();
        }
    }

    /** A referenced snapshot of the fixed past {@code revision}, built on first use. Null when evicted. */
    IndexSnapshot acquirePast(IndexSource source, long revision) {
        IndexSnapshot fast = tryAcquireExactly(revision);
        if (fast != null) {
            return fast;
        }
        lock.lock();
        try {
            if (closed) {
                return null;
            }
            if (current == null) {
                try (BranchIndex built = BranchIndex.build(source, branch, revision)) {
                    current = built.publish(revision); // immutable from now on: no writer is kept
                }
            }
            return acquireLocked();
        } finally {
            lock.unlock();
        }
    }

    private void refreshLocked(IndexSource source, long head) {
        IndexSnapshot snapshot = current;
        if (snapshot != null && snapshot.revision() == head) {
            return; // another thread got here first
        }
        if (snapshot != null && snapshot.revision() > head) {
            // Either a concurrent request saw a newer head and already advanced (fine: newer is still HEAD),
            // or the branch was reset/recreated and its counter went back: only the latter needs a rebuild.
            long now = source.headRevision(branch);
            if (now >= snapshot.revision()) {
                return;
            }
            head = now;
        }
        if (snapshot == null || writable == null || snapshot.revision() > head || tooManyDead()) {
            rebuildLocked(source, head);
            return;
        }
        List<IndexChange> changes = new ArrayList<>();
        source.forEachChange(branch, snapshot.revision(), head, changes::add);
        try {
            writable.apply(changes);
            publishLocked(writable.publish(head));
        } catch (RuntimeException e) {
            // A half-applied batch must not be served or extended: the next request rebuilds from scratch.
            writable.close();
            writable = null;
            throw e;
        }
    }

    private boolean tooManyDead() {
        int dead = writable.deadSlots();
        return dead > MIN_DEAD_BEFORE_COMPACTION && dead > writable.liveCount();
    }

    private void rebuildLocked(IndexSource source, long head) {
        BranchIndex rebuilt = BranchIndex.build(source, branch, head);
        IndexSnapshot snapshot;
        try {
            snapshot = rebuilt.publish(head);
        } catch (RuntimeException e) {
            rebuilt.close();
            throw e;
        }
        if (writable != null) {
            writable.close();
        }
        writable = rebuilt;
        publishLocked(snapshot);
    }

    /** Makes {@code next} current and drops the entry's reference to the previous snapshot. */
    private void publishLocked(IndexSnapshot next) {
        IndexSnapshot previous = current;
        current = next;
        if (previous != null && previous != next) {
            previous.release();
        }
    }

    private IndexSnapshot acquireLocked() {
        IndexSnapshot snapshot = current;
        // Under the lock the entry's own reference keeps the current snapshot open, so this cannot fail.
        if (!snapshot.tryAcquire()) {
            throw new IllegalStateException("current snapshot of " + branch + " was closed");
        }
        return snapshot;
    }

    /** Called once the entry left the cache: releases the writer and the entry's snapshot reference. */
    void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (writable != null) {
                writable.close();
                writable = null;
            }
            IndexSnapshot snapshot = current;
            if (snapshot != null) {
                snapshot.release();
            }
        } finally {
            lock.unlock();
        }
    }
}
