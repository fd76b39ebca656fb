package dev.memoria.it.client;

import dev.memoria.it.junit.MemoriaServerInfo;
import dev.memoria.it.junit.MemoriaServerTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a real server over real HTTP; each test acts as its own users, so they share one server. */
@MemoriaServerTest(config = "memoria.embedding.provider=none")
class MemoriaClientTest {

    MemoriaServerInfo server;
    MemoriaClient admin;

    @Test
    void storesRetrievesListsGetsAndDeletes() {
        MemoriaClient alice = admin.asUser("client-alice");
        Memory theme = alice.store("prefers dark mode in every editor");
        alice.store("deploys on Fridays only after the retro");
        alice.store("drinks green tea in the afternoon");

        List<Memory> hits = alice.retrieve("dark mode editor", 1);
        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.memoryId()).isEqualTo(theme.memoryId());
            assertThat(hit.retrievalScore()).isPositive();
        });

        assertThat(alice.list().items()).extracting(Memory::content).containsExactlyInAnyOrder(
                "prefers dark mode in every editor", "deploys on Fridays only after the retro",
                "drinks green tea in the afternoon");
        MemoryPage first = alice.list(2, null);
        assertThat(first.items()).hasSize(2);
        assertThat(first.hasMore()).isTrue();
        assertThat(alice.list(2, first.nextCursor()).items()).hasSize(1);

        Memory fetched = alice.get(theme.memoryId());
        assertThat(fetched.userId()).isEqualTo("client-alice");
        assertThat(fetched.memoryType()).isEqualTo("semantic");
        assertThat(fetched.active()).isTrue();
        assertThat(fetched.createdAt()).isNotNull();

        assertThat(alice.delete(theme.memoryId())).isNotBlank();
        assertThatThrownBy(() -> alice.get(theme.memoryId())).isInstanceOfSatisfying(MemoriaApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("memory_not_found");
            assertThat(e.request()).isEqualTo("GET /v1/memories/" + theme.memoryId());
        });
    }

    @Test
    void sendsTheOptionalFieldsOfAStoreRequest() {
        Memory stored = admin.asUser("client-fields").store(StoreRequest.builder("run the linter before pushing")
                .memoryType("procedural").trustTier("T2").sessionId("s-42").extraMetadata(Map.of("source", "test"))
                .build());

        assertThat(stored.memoryType()).isEqualTo("procedural");
        assertThat(stored.trustTier()).isEqualTo("T2");
        assertThat(stored.sessionId()).isEqualTo("s-42");
        assertThat(stored.extraMetadata()).containsEntry("source", "test");
    }

    @Test
    void usersSeeOnlyTheirOwnMemories() {
        admin.asUser("client-owner").store("the owner's secret recipe uses saffron");

        assertThat(admin.asUser("client-stranger").list().items()).isEmpty();
        assertThat(admin.asUser("client-stranger").retrieve("saffron recipe", 5)).isEmpty();
    }

    @Test
    void anApiKeyActsForItsOwnUserOnly() {
        CreatedApiKey key = admin.createApiKey("client-carol", "ci");
        assertThat(key.userId()).isEqualTo("client-carol");
        assertThat(key.rawKey()).startsWith(key.keyPrefix());
        assertThat(key.toString()).doesNotContain(key.rawKey());

        MemoriaClient carol = MemoriaClient.connect(server.baseUrl(), key.rawKey());
        carol.asUser("someone-else").store("carol keeps her notes in plain text");

        assertThat(admin.asUser("client-carol").list().items()).extracting(Memory::content)
                .containsExactly("carol keeps her notes in plain text");
        assertThat(admin.asUser("someone-else").list().items()).isEmpty();
        assertThat(carol.listApiKeys()).singleElement().satisfies(listed -> {
            assertThat(listed.keyId()).isEqualTo(key.keyId());
            assertThat(listed.userId()).isEqualTo("client-carol");
            assertThat(listed.keyPrefix()).isEqualTo(key.keyPrefix());
            assertThat(listed.expiresAt()).isNull();
        });
        assertThatThrownBy(() -> carol.createApiKey("client-carol", "more")).isInstanceOfSatisfying(
                MemoriaApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("master_required");
                });
    }

    @Test
    void aWrongTokenIsA401WithTheServersMessage() {
        MemoriaClient stranger = MemoriaClient.connect(server.baseUrl(), "not-a-key-of-this-server");

        assertThatThrownBy(stranger::list).isInstanceOfSatisfying(MemoriaApiException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.detail()).isNotBlank();
            assertThat(e.getMessage()).contains("GET /v1/memories", "401", e.detail());
        });
    }

    @Test
    void rollsBackToASnapshotAndListsBothSnapshots() {
        MemoriaClient dana = admin.asUser("client-dana");
        dana.store("the build uses Maven");
        Snapshot before = dana.createSnapshot("before-gradle", "only Maven");
        assertThat(before.memoryCount()).isEqualTo(1);
        assertThat(before.description()).isEqualTo("only Maven");
        assertThat(before.safety()).isFalse();
        dana.store("the build moved to Gradle");

        RollbackResult rollback = dana.rollback("before-gradle");

        assertThat(rollback.branch()).isEqualTo("main");
        assertThat(dana.list().items()).extracting(Memory::content).containsExactly("the build uses Maven");
        List<Snapshot> snapshots = dana.listSnapshots();
        assertThat(snapshots).extracting(Snapshot::name).contains("before-gradle", rollback.safetySnapshot());
        assertThat(snapshots).filteredOn(s -> s.name().equals(rollback.safetySnapshot()))
                .singleElement().satisfies(s -> assertThat(s.safety()).isTrue());

        dana.rollback(rollback.safetySnapshot());
        assertThat(dana.list().items()).hasSize(2);
    }

    @Test
    void branchesAreCreatedCheckedOutListedAndMerged() {
        MemoriaClient erin = admin.asUser("client-erin");
        erin.store("the team meets on Mondays");

        Branch created = erin.createBranch("experiment");
        assertThat(created.name()).isEqualTo("experiment");
        assertThat(created.sourceBranch()).isEqualTo("main");

        Checkout checkout = erin.checkout("experiment");
        assertThat(checkout).isEqualTo(new Checkout("experiment", 1));
        erin.store("the team tries Thursday meetings");
        assertThat(erin.listBranches()).filteredOn(Branch::active).extracting(Branch::name)
                .containsExactly("experiment");

        erin.checkout("main");
        assertThat(erin.list().items()).hasSize(1);
        MergeResult merged = erin.merge("experiment");
        assertThat(merged.added()).isEqualTo(1);
        assertThat(merged.safetySnapshot()).isNotBlank();
        assertThat(erin.list().items()).extracting(Memory::content).contains("the team tries Thursday meetings");

        erin.deleteBranch("experiment");
        assertThat(erin.listBranches()).extracting(Branch::name).containsExactly("main");
    }

    @Test
    void aBranchFromASnapshotStartsAtThatState() {
        MemoriaClient finn = admin.asUser("client-finn");
        finn.store("first fact");
        finn.createSnapshot("one-fact");
        finn.store("second fact");

        finn.createBranchFromSnapshot("from-one", "one-fact");

        assertThat(finn.checkout("from-one").memoryCount()).isEqualTo(1);
    }

    @Test
    void invalidAndMissingNamesCarryTheServersCodeAndMessage() {
        MemoriaClient gus = admin.asUser("client-gus");

        assertThatThrownBy(() -> gus.createSnapshot("no spaces allowed")).isInstanceOfSatisfying(
                MemoriaApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.code()).isEqualTo("invalid_name");
                    assertThat(e.detail()).contains("no spaces allowed");
                });
        assertThatThrownBy(() -> gus.rollback("never-taken")).isInstanceOfSatisfying(MemoriaApiException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.code()).isEqualTo("snapshot_not_found");
        });
        assertThatThrownBy(() -> gus.merge("no-such-branch", MergeStrategy.APPEND)).isInstanceOfSatisfying(
                MemoriaApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
}
