package dev.memoria.ports.out;

/** Readiness probe of the storage backend. */
public interface StorageHealth {

    /** True when the database answers a trivial query right now; never throws. */
    boolean isReachable();
}
