package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;

import java.time.Instant;

/** A past state to read: a snapshot by name, or a point in time; {@link #NOW} for the current state. */
public record AsOf(String snapshot, Instant time) {

    public static final AsOf NOW = new AsOf(null, null);

    public AsOf {
        snapshot = snapshot == null || snapshot.isBlank() ? null : snapshot.trim();
        if (snapshot != null && time != null) {
            throw new InvalidInputException("conflicting_as_of", "give as_of_snapshot or as_of, not both");
        }
    }

    public boolean isNow() {
        return snapshot == null && time == null;
    }
}
