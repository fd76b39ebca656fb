package dev.memoria.it.client;

import java.time.Instant;

/**
 * A new API key, the only time its raw value is shown.
 *
 * @param keyId     the key's id, for rotation and revocation
 * @param userId    the user the key acts for
 * @param name      the label given at creation, or {@code null}
 * @param keyPrefix the first characters of the raw key, as listings show it
 * @param rawKey    the bearer token; pass it to {@link MemoriaClient#connect(java.net.URI, String)}
 * @param createdAt when it was created
 */
public record CreatedApiKey(String keyId, String userId, String name, String keyPrefix, String rawKey,
                            Instant createdAt) {

    /** Leaves the raw key out, so that logging the record does not leak it. */
    @Override
    public String toString() {
        return "CreatedApiKey[keyId=" + keyId + ", userId=" + userId + ", name=" + name + ", keyPrefix=" + keyPrefix
                + ", createdAt=" + createdAt + "]";
    }
}
