package dev.memoria.adapter.sql;

import dev.memoria.ports.model.PluginBindingRule;
import dev.memoria.ports.model.PluginEvent;
import dev.memoria.ports.model.PluginRecord;
import dev.memoria.ports.model.PluginSigner;
import dev.memoria.ports.out.PluginRegistryStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin registry store on every dialect the build can start; each test uses fresh random keys. */
abstract class PluginRegistryContract extends OpenStorageContract {

    PluginRegistryStore store;
    private final Instant t0 = Instant.parse("2026-05-01T10:00:00.123456Z");

    @Override
    String storageName() {
        return "plugins";
    }

    @BeforeAll
    void openStore() {
        store = storage.pluginRegistry();
    }

    private PluginRecord record(String key, String version, Instant at) {
        return new PluginRecord(key, version, "governance", "policy", "ops", "ab".repeat(32), "c2lnbmF0dXJl",
                "{\"manifest\":{},\"policy\":{}}", "pending", "Awaiting review", null, null, at, "api", at);
    }

    @Test
    void signersAreUpsertedAndRevoked() {
        String name = fresh("signer");
        store.upsertSigner(new PluginSigner(name, "ed25519", "key-1", true, t0, t0, "api"));
        store.upsertSigner(new PluginSigner(name, "ed25519", "key-2", false, t0, t0.plusSeconds(5), "admin"));
        PluginSigner read = store.signer(name).orElseThrow();
        assertThat(read.publicKey()).isEqualTo("key-2");
        assertThat(read.active()).isFalse();
        assertThat(read.updatedAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(read.createdAt()).isEqualTo(t0);
        assertThat(store.signers()).extracting(PluginSigner::name).contains(name);
        assertThat(store.signer(fresh("nobody"))).isEmpty();
    }

    @Test
    void packagesAreInsertedOnceAndReviewedInPlace() {
        String key = fresh("plugin");
        assertThat(store.insertPackage(record(key, "1.0.0", t0))).isTrue();
        assertThat(store.insertPackage(record(key, "1.0.0", t0))).isFalse();
        assertThat(store.insertPackage(record(key, "1.1.0", t0.plusSeconds(1)))).isTrue();

        PluginRecord read = store.findPackage(key, "1.0.0").orElseThrow();
        assertThat(read.score()).isNull();
        assertThat(read.document()).isEqualTo("{\"manifest\":{},\"policy\":{}}");
        assertThat(store.updatePackage(read.withReview("approved", "ok", t0.plusSeconds(9)).withScore(87.5, "good",
                t0.plusSeconds(9)))).isTrue();
        PluginRecord reviewed = store.findPackage(key, "1.0.0").orElseThrow();
        assertThat(reviewed.status()).isEqualTo("approved");
        assertThat(reviewed.score()).isEqualTo(87.5);
        assertThat(reviewed.scoreNotes()).isEqualTo("good");
        assertThat(store.packages("governance")).filteredOn(p -> p.pluginKey().equals(key))
                .extracting(PluginRecord::version).containsExactly("1.1.0", "1.0.0");
        assertThat(store.packages("retrieval")).noneMatch(p -> p.pluginKey().equals(key));
        assertThat(store.updatePackage(record(fresh("missing"), "1.0.0", t0))).isFalse();
    }

    @Test
    void rulesAreUniqueByBindingSubjectAndPriority() {
        String binding = fresh("binding");
        store.upsertRule(new PluginBindingRule("r1", "governance", binding, "*", 100, "a", "*", 100, null, "active",
                t0, "api"));
        store.upsertRule(new PluginBindingRule("r1", "governance", binding, "*", 100, "b", "^1.0", 50,
                "http://x/plan", "active", t0.plusSeconds(1), "api"));
        store.upsertRule(new PluginBindingRule("r2", "governance", binding, "tenant", 10, "a", "1.0.0", 100, null,
                "active", t0, "api"));
        assertThat(store.rules("governance", binding)).hasSize(2);
        PluginBindingRule star = store.rules("governance", binding).stream().filter(r -> r.subjectKey().equals("*"))
                .findFirst().orElseThrow();
        assertThat(star.pluginKey()).isEqualTo("b");
        assertThat(star.versionSelector()).isEqualTo("^1.0");
        assertThat(star.rolloutPercent()).isEqualTo(50);
        assertThat(star.transportEndpoint()).isEqualTo("http://x/plan");
        assertThat(store.rules("governance", null)).extracting(PluginBindingRule::bindingKey).contains(binding);
        assertThat(store.rules("governance", fresh("other"))).isEmpty();
    }

    @Test
    void eventsComeNewestFirstAndFilter() {
        String key = fresh("plugin");
        for (int i = 0; i < 3; i++) {
            store.recordEvent(new PluginEvent(UUID.randomUUID().toString(), "package.reviewed", "ok", "review " + i,
                    "governance", key, "1.0.0", i == 2 ? "default" : null, null, "api",
                    t0.plus(i, ChronoUnit.SECONDS)));
        }
        assertThat(store.events("governance", key, null, 10)).extracting(PluginEvent::message)
                .containsExactly("review 2", "review 1", "review 0");
        assertThat(store.events(null, key, "default", 10)).extracting(PluginEvent::message).containsExactly("review 2");
        assertThat(store.events(null, key, null, 1)).hasSize(1);
    }
}
