package dev.memoria.ports.model;

import java.time.Instant;

/**
 * One lock as the database holds it. The instants are in the reader's clock (translated from the database's
 * clock by the offset between the two), so they are comparable with the reader's {@code Instant.now()}.
 */
public record LockLease(String key, String holder, Instant acquiredAt, Instant expiresAt, boolean expired) {
}
