package dev.memoria.core.governance;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cooperative cancellation: set when the lock a run holds was lost (another instance may now run the same task),
 * checked by the run between users and operations so it stops instead of racing the new holder.
 */
public final class Cancellation {

    public static final Cancellation NEVER = new Cancellation();

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile String reason;

    public void cancel(String why) {
        if (this != NEVER && cancelled.compareAndSet(false, true)) {
            reason = why;
        }
    }

    public boolean cancelled() {
        return cancelled.get();
    }

    public String reason() {
        return reason;
    }

    /** Throws when cancelled, to leave a run between two steps. */
    public void check() {
        if (cancelled()) {
            throw new CancelledException(reason);
        }
    }

    /** Thrown by {@link #check()}; the run is recorded as cancelled. */
    public static final class CancelledException extends RuntimeException {
        CancelledException(String reason) {
            super("cancelled: " + reason);
        }
    }
}
