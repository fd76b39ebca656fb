package dev.memoria.ports.out;

import dev.memoria.ports.model.ApiKey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys at rest, looked up by their keyed hash. Shared by every instance. */
public interface ApiKeyStore {

    void insert(ApiKey key);

    Optional<ApiKey> findByHash(String keyHash);

    Optional<ApiKey> findById(String keyId);

    /** The user's keys, newest first. */
    List<ApiKey> listByUser(String userId);

    /** Marks a key inactive; false when it was unknown or already inactive. */
    boolean deactivate(String keyId);

    /** Deactivates every active key of the user and returns how many. */
    int deactivateAll(String userId);

    /** Replaces the stored hash (after a secret rotation the key is re-hashed with the new secret). */
    void replaceHash(String keyId, String keyHash);

    void touch(String keyId, Instant usedAt);
}
