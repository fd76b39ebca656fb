package dev.memoria.it.client;

import java.time.Instant;

/**
 * An API key as listings show it: everything but the raw key, which the server never shows again.
 *
 * @param keyId      the key's id, for rotation and revocation
 * @param userId     the user the key acts for
 * @param name       the label given at creation, or {@code null}
 * @param keyPrefix  the first characters of the raw key
 * @param createdAt  when it was created
 * @param expiresAt  when it stops working, or {@code null} for never
 * @param lastUsedAt when it last authenticated a request, or {@code null}
 */
public record ApiKeyInfo(String keyId, String userId, String name, String keyPrefix, Instant createdAt,
                         Instant expiresAt, Instant lastUsedAt) {
}
