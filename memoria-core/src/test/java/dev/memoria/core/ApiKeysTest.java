package dev.memoria.core;

import dev.memoria.core.testing.InMemoryStorage;
import dev.memoria.ports.error.ConfigurationException;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.CreatedApiKey;
import dev.memoria.ports.model.ApiKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private final VersioningTest.MutableClock clock = new VersioningTest.MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
    private final InMemoryStorage storage = new InMemoryStorage(clock);

    private Memoria memoria(String secret, List<String> previous) {
        return Memoria.builder().storage(storage.ports()).clock(clock).apiKeySecret(secret, previous).build();
    }

    @Test
    void keysAreShownOnceAndStoredOnlyAsAKeyedHash() {
        Memoria memoria = memoria("secret-one", List.of());
        CreatedApiKey created = memoria.createKey("alice", "laptop", null);

        assertThat(created.rawKey()).matches("sk-[0-9a-f]{32}");
        ApiKey stored = memoria.findKey(created.key().keyId()).orElseThrow();
        assertThat(stored.keyPrefix()).isEqualTo(created.rawKey().substring(0, 12));
        assertThat(stored.keyHash()).doesNotContain(created.rawKey().substring(3)).hasSize(64);
        assertThat(memoria.verifyKey(created.rawKey())).map(ApiKey::userId).contains("alice");
        assertThat(memoria.verifyKey("sk-" + "0".repeat(32))).isEmpty();
        assertThat(memoria.verifyKey("not a key")).isEmpty();
    }

    @Test
    void revokedAndExpiredKeysFailImmediately() {
        Memoria memoria = memoria("secret-one", List.of());
        CreatedApiKey revoked = memoria.createKey("alice", "a", null);
        CreatedApiKey expiring = memoria.createKey("alice", "b", clock.instant().plus(Duration.ofMinutes(5)));

        assertThat(memoria.revokeKey(revoked.key().keyId())).isTrue();
        assertThat(memoria.verifyKey(revoked.rawKey())).isEmpty();
        assertThat(memoria.verifyKey(expiring.rawKey())).isPresent();
        clock.advance(Duration.ofMinutes(6));
        assertThat(memoria.verifyKey(expiring.rawKey())).isEmpty();
        assertThatThrownBy(() -> memoria.createKey("alice", "c", clock.instant().minusSeconds(1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void rotationIssuesANewKeyAndRetiresTheOld() {
        Memoria memoria = memoria("secret-one", List.of());
        CreatedApiKey original = memoria.createKey("bob", "ci", null);
        CreatedApiKey rotated = memoria.rotateKey(original.key().keyId());

        assertThat(rotated.key().name()).isEqualTo("ci");
        assertThat(memoria.verifyKey(original.rawKey())).isEmpty();
        assertThat(memoria.verifyKey(rotated.rawKey())).isPresent();
        assertThat(memoria.revokeAllKeys("bob")).isEqualTo(1);
        assertThat(memoria.verifyKey(rotated.rawKey())).isEmpty();
    }

    @Test
    void keysSurviveASecretRotationWhenThePreviousSecretIsConfigured() {
        CreatedApiKey key = memoria("old-secret", List.of()).createKey("carol", "k", null);

        assertThat(memoria("new-secret", List.of()).verifyKey(key.rawKey())).isEmpty();
        Memoria rotated = memoria("new-secret", List.of("old-secret"));
        assertThat(rotated.verifyKey(key.rawKey())).isPresent();
        // re-hashed on first use: the old secret is no longer needed
        assertThat(memoria("new-secret", List.of()).verifyKey(key.rawKey())).isPresent();
    }

    @Test
    void apiKeysNeedASecret() {
        Memoria memoria = Memoria.builder().storage(storage.ports()).clock(clock).build();
        assertThatThrownBy(() -> memoria.createKey("alice", "x", null)).isInstanceOf(ConfigurationException.class);
    }
}
