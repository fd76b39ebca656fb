package dev.memoria.ports.in;

import dev.memoria.ports.model.ApiKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Use case: API keys that let an agent act as one user. */
public interface ManageApiKeys {

    CreatedApiKey createKey(String userId, String name, Instant expiresAt);

    List<ApiKey> listKeys(String userId);

    Optional<ApiKey> findKey(String keyId);

    /** Deactivates the key and issues a new one with the same name, owner and expiry. */
    CreatedApiKey rotateKey(String keyId);

    boolean revokeKey(String keyId);

    int revokeAllKeys(String userId);

    /** The usable key a raw key belongs to, or empty for unknown, revoked and expired keys. */
    Optional<ApiKey> verifyKey(String rawKey);
}
