package dev.memoria.ports.model;

import java.time.Instant;

/**
 * An API key as stored: never the key itself, only its keyed hash and a short prefix for recognition.
 *
 * @param keyHash   lowercase hex HMAC-SHA256 of the raw key
 * @param keyPrefix the first 12 characters of the raw key ({@code sk-} + 9 hex), safe to show
 * @param expiresAt null for a key that does not expire
 */
public record ApiKey(String keyId, String userId, String name, String keyHash, String keyPrefix, boolean active,
                     Instant createdAt, Instant expiresAt, Instant lastUsedAt) {

    public boolean usableAt(Instant now) {
        return active && (expiresAt == null || expiresAt.isAfter(now));
    }
}
