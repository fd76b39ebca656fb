package dev.memoria.ports.out;

import dev.memoria.ports.model.LockLease;

import java.time.Duration;
import java.util.List;

/**
 * A named lease shared by every instance. Expiry is decided by one clock (the database's), so instances with
 * skewed clocks still agree on who holds a lock. Holding is re-entrant: the holder acquiring again extends it.
 */
public interface DistributedLock {

    /** Takes the lock for {@code ttl} if it is free, expired, or already held by {@code holder}. */
    boolean tryAcquire(String key, String holder, Duration ttl);

    /** Extends a lock the holder still has; false when it expired or another holder took it. */
    boolean renew(String key, String holder, Duration ttl);

    /** Gives the lock up if {@code holder} has it; a no-op otherwise. */
    void release(String key, String holder);

    /** Every lock row, expired ones included (they are taken over on the next acquire). */
    List<LockLease> list();
}
