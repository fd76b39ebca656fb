package dev.memoria.core.auth;

import dev.memoria.core.MemoryIds;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.CreatedApiKey;
import dev.memoria.ports.in.ManageApiKeys;
import dev.memoria.ports.model.ApiKey;
import dev.memoria.ports.out.ApiKeyStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * API keys: {@code sk-} + 32 hex, shown once; stored as a keyed hash. Verification reads the store on every
 * call, so a revoked or expired key stops working at once on every instance.
 */
public final class ApiKeyService implements ManageApiKeys {

    private static final Pattern RAW_KEY = Pattern.compile("sk-[0-9a-f]{32}");
    static final int MAX_NAME_LENGTH = 100;
    /** last_used_at is a hint; writing it at most this often keeps verification read-only in the common case. */
    private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(60);

    private final ApiKeyStore store;
    private final ApiKeyHasher hasher;
    private final Clock clock;
    private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

    public ApiKeyService(ApiKeyStore store, ApiKeyHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public CreatedApiKey createKey(String userId, String name, Instant expiresAt) {
        if (userId == null || userId.isBlank() || userId.length() > 64) {
            throw new InvalidInputException("invalid_user", "user_id must be 1-64 characters");
        }
        String keyName = name == null || name.isBlank() ? "default" : name.trim();
        if (keyName.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("invalid_name", "name exceeds " + MAX_NAME_LENGTH + " characters");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new InvalidInputException("invalid_expiry", "expires_at must be in the future");
        }
        return issue(userId.trim(), keyName, expiresAt);
    }

    private CreatedApiKey issue(String userId, String name, Instant expiresAt) {
        String raw = "sk-" + MemoryIds.random();
        ApiKey key = new ApiKey(UUID.randomUUID().toString(), userId, name, hasher.hash(raw), raw.substring(0, 12),
                true, clock.instant(), expiresAt, null);
        store.insert(key);
        return new CreatedApiKey(key, raw);
    }

    @Override
    public List<ApiKey> listKeys(String userId) {
        return store.listByUser(userId);
    }

    @Override
    public Optional<ApiKey> findKey(String keyId) {
        return store.findById(keyId);
    }

    @Override
    public CreatedApiKey rotateKey(String keyId) {
        ApiKey old = store.findById(keyId).filter(ApiKey::active)
                .orElseThrow(() -> new NotFoundException("key_not_found", "API key not found"));
        store.deactivate(keyId);
        return issue(old.userId(), old.name(), old.expiresAt());
    }

    @Override
    public boolean revokeKey(String keyId) {
        return store.deactivate(keyId);
    }

    @Override
    public int revokeAllKeys(String userId) {
        return store.deactivateAll(userId);
    }

    @Override
    public Optional<ApiKey> verifyKey(String rawKey) {
        if (rawKey == null || !RAW_KEY.matcher(rawKey).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiKey> found = store.findByHash(hasher.hash(rawKey));
        if (found.isEmpty()) {
            found = verifyWithPreviousSecrets(rawKey);
        }
        Optional<ApiKey> usable = found.filter(key -> key.usableAt(now));
        usable.ifPresent(key -> touch(key, now));
        return usable;
    }

    private Optional<ApiKey> verifyWithPreviousSecrets(String rawKey) {
        for (String oldHash : hasher.previousHashes(rawKey)) {
            Optional<ApiKey> found = store.findByHash(oldHash);
            if (found.isPresent()) {
                // migrate to the current secret so the previous one can be retired
                store.replaceHash(found.get().keyId(), hasher.hash(rawKey));
                return found;
            }
        }
        return Optional.empty();
    }

    private void touch(ApiKey key, Instant now) {
        Instant last = lastTouched.get(key.keyId());
        if (last == null || Duration.between(last, now).compareTo(TOUCH_INTERVAL) >= 0) {
            lastTouched.put(key.keyId(), now);
            store.touch(key.keyId(), now);
        }
    }
}
