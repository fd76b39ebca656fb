package dev.memoria.core.governance;

import dev.memoria.core.Memoria;
import dev.memoria.core.testing.InMemoryCoordination;
import dev.memoria.core.testing.InMemoryStorage;
import dev.memoria.core.testing.WordHashEmbedder;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.error.StorageException;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.Entity;
import dev.memoria.ports.model.GovernanceRun;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.CoordinationPorts;
import dev.memoria.ports.out.EntityStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Governance over the in-memory ports: what each operation ends, what it keeps, and what it records. */
class GovernanceTest {

    private final Instant now = Instant.parse("2026-11-01T10:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final InMemoryStorage storage = new InMemoryStorage(clock);
    private final InMemoryCoordination coordination = new InMemoryCoordination(clock);
    private final Memoria memoria = Memoria.builder().storage(storage.ports()).embedder(new WordHashEmbedder())
            .clock(clock).coordination(coordination.ports()).instanceId("test-instance").build();
    private final Governance governance = memoria.governance();

    private Memory store(String user, String content, MemoryType type, TrustTier tier, Double confidence, Duration age) {
        return memoria.store(new StoreCommand(Caller.of(user), content, type, tier, confidence, null, null,
                now.minus(age), null));
    }

    @Test
    void quarantineEndsOnlyMemoriesDecayedBelowTheThreshold() {
        Memory oldT4 = store("u", "speculative note about the monolith", MemoryType.SEMANTIC, TrustTier.T4, 1.0,
                Duration.ofDays(50)); // 1.0·e^(-50/30) = 0.19
        Memory youngT4 = store("u", "speculative note about caching layer", MemoryType.SEMANTIC, TrustTier.T4, 1.0,
                Duration.ofDays(40)); // 0.26
        Memory oldT1 = store("u", "architecture follows microservices", MemoryType.SEMANTIC, TrustTier.T1, 1.0,
                Duration.ofDays(500)); // 0.25

        GovernanceReport report = governance.run(GovernanceOps.GOVERNANCE, "u");

        assertThat(report.count("quarantined")).isEqualTo(1);
        assertThat(memoria.get(Caller.of("u"), oldT4.memoryId())).isEmpty();
        assertThat(memoria.get(Caller.of("u"), youngT4.memoryId())).isPresent();
        assertThat(memoria.get(Caller.of("u"), oldT1.memoryId())).isPresent();
        assertThat(report.snapshots()).hasSize(1);
        // recoverable: the safety snapshot still sees it
        memoria.rollback("u", report.snapshots().get(0));
        assertThat(memoria.get(Caller.of("u"), oldT4.memoryId())).isPresent();
    }

    @Test
    void cleanupArchivesStaleWorkingMemoryAndOldToolResults() {
        Memory staleWorking = store("u", "working: editing file a", MemoryType.WORKING, TrustTier.T1, null,
                Duration.ofHours(25));
        Memory freshWorking = store("u", "working: editing file b", MemoryType.WORKING, TrustTier.T1, null,
                Duration.ofHours(2));
        Memory oldTool = store("u", "tool output: 42 files", MemoryType.TOOL_RESULT, TrustTier.T1, null,
                Duration.ofHours(73));
        Memory newTool = store("u", "tool output: 7 files", MemoryType.TOOL_RESULT, TrustTier.T1, null,
                Duration.ofHours(71));

        GovernanceReport report = governance.run(GovernanceOps.GOVERNANCE, "u");

        assertThat(report.count("archived_working")).isEqualTo(1);
        assertThat(report.count("cleaned_tool_results")).isEqualTo(1);
        assertThat(memoria.get(Caller.of("u"), staleWorking.memoryId())).isEmpty();
        assertThat(memoria.get(Caller.of("u"), oldTool.memoryId())).isEmpty();
        assertThat(memoria.get(Caller.of("u"), freshWorking.memoryId())).isPresent();
        assertThat(memoria.get(Caller.of("u"), newTool.memoryId())).isPresent();
    }

    @Test
    void nothingToDoTakesNoSnapshot() {
        store("u", "a perfectly healthy fact", MemoryType.SEMANTIC, TrustTier.T1, null, Duration.ZERO);
        GovernanceReport report = governance.run(GovernanceOps.GOVERNANCE, "u");
        assertThat(report.snapshots()).isEmpty();
        assertThat(memoria.listSnapshots("u")).isEmpty();
    }

    @Test
    void consolidationSupersedesTheOlderDuplicateAndReportsNoConflictForUnrelatedMemories() {
        // batch writes skip dedup, so duplicates can exist side by side
        List<Memory> stored = memoria.storeBatch(Caller.of("u"), List.of(
                new StoreCommand(Caller.of("u"), "the staging database runs on port 5432", null, null, null, null, null,
                        now.minus(Duration.ofDays(2)), null),
                new StoreCommand(Caller.of("u"), "The staging database runs on port 5432", null, null, null, null, null,
                        now.minus(Duration.ofDays(1)), null),
                new StoreCommand(Caller.of("u"), "lunch is at noon on fridays", null, null, null, null, null, now, null)));

        GovernanceReport report = governance.run(GovernanceOps.CONSOLIDATE, "u");

        assertThat(report.count("compressed_redundant")).isEqualTo(1);
        assertThat(memoria.get(Caller.of("u"), stored.get(0).memoryId())).isEmpty();
        assertThat(memoria.get(Caller.of("u"), stored.get(1).memoryId())).isPresent();
        assertThat(memoria.get(Caller.of("u"), stored.get(2).memoryId())).isPresent();
        assertThat(memoria.history(Caller.of("u"), stored.get(0).memoryId()).toString()).contains(stored.get(1).memoryId());
    }

    @Test
    void weeklyKeepsOnlyTheNewestSafetySnapshots() {
        for (int i = 0; i < 8; i++) {
            Memory m = store("u", "temporary fact number " + i, MemoryType.SEMANTIC, TrustTier.T1, null, Duration.ZERO);
            memoria.delete(Caller.of("u"), m.memoryId()); // each delete takes a safety snapshot
        }
        memoria.createSnapshot(Caller.of("u"), "mine", null);
        assertThat(memoria.listSnapshots("u")).hasSize(9);

        GovernanceReport report = governance.run(GovernanceOps.WEEKLY, "u");

        assertThat(report.count("cleaned_snapshots")).isEqualTo(3);
        assertThat(memoria.listSnapshots("u")).hasSize(6).anyMatch(s -> s.snapshot().name().equals("mine"));
    }

    @Test
    void triggersHonourTheirCooldownsAndForce() {
        assertThat(governance.trigger("u", GovernanceOps.GOVERNANCE, false).skipped()).isFalse();
        Governance.Triggered again = governance.trigger("u", GovernanceOps.GOVERNANCE, false);
        assertThat(again.skipped()).isTrue();
        assertThat(again.cooldownRemainingSeconds()).isEqualTo(3600);
        assertThat(governance.trigger("u", GovernanceOps.GOVERNANCE, true).skipped()).isFalse();
        assertThat(governance.trigger("u", GovernanceOps.CONSOLIDATE, false).skipped()).isFalse();
        assertThat(governance.trigger("other", GovernanceOps.GOVERNANCE, false).skipped()).isFalse();
    }

    @Test
    void everyRunIsAuditedAndCounted() {
        store("u", "speculative", MemoryType.SEMANTIC, TrustTier.T4, 1.0, Duration.ofDays(90));
        governance.run(GovernanceOps.GOVERNANCE, "u");
        GovernanceRun run = coordination.recent(1).get(0);
        assertThat(run.task()).isEqualTo("governance");
        assertThat(run.userId()).isEqualTo("u");
        assertThat(run.instanceId()).isEqualTo("test-instance");
        assertThat(run.counts()).containsEntry("quarantined", 1L);
        assertThat(governance.metrics().snapshot()).containsEntry("governance.quarantined", 1L)
                .containsEntry("governance.governance.runs", 1L);
    }

    @Test
    void scheduledRunsCoverEveryUserAndStopWhenCancelled() {
        store("a", "speculative a", MemoryType.SEMANTIC, TrustTier.T4, 1.0, Duration.ofDays(90));
        store("b", "speculative b", MemoryType.SEMANTIC, TrustTier.T4, 1.0, Duration.ofDays(90));
        GovernanceReport daily = governance.runScheduled(Governance.DAILY, Cancellation.NEVER);
        assertThat(daily.count("users_processed")).isEqualTo(2);
        assertThat(daily.count("quarantined")).isEqualTo(2);
        assertThat(daily.details()).containsEntry("reflection", "skipped: LLM not configured");
        assertThat(coordination.lastScheduledRun(Governance.DAILY)).isPresent();

        Cancellation cancelled = new Cancellation();
        cancelled.cancel("lock lost");
        GovernanceReport stopped = governance.runScheduled(Governance.HOURLY, cancelled);
        assertThat(stopped.status()).isEqualTo("cancelled");
        assertThat(stopped.count("users_processed")).isZero();
    }

    @Test
    void unknownAdminOpIsInvalidInput() {
        assertThatThrownBy(() -> governance.run("explode", "u")).hasMessageContaining("Invalid op: explode");
    }

    @Test
    void storedAndCorrectedMemoriesAreLinkedToTheNamesInTheirText() {
        Memory stored = store("u", "auth-service uses PostgreSQL, owned by @alice", MemoryType.SEMANTIC, TrustTier.T1,
                null, Duration.ZERO);
        Memory nameless = store("u", "the weekly sync moved to thursdays", MemoryType.SEMANTIC, TrustTier.T1, null,
                Duration.ZERO);
        Memory corrected = memoria.correct(Caller.of("u"), nameless.memoryId(), "the weekly sync moved to Zoom");

        assertThat(governance.entities().list("u")).extracting(e -> e.name() + ":" + e.entityType())
                .containsExactlyInAnyOrder("postgresql:tech", "alice:person", "auth-service:project", "zoom:tech");
        assertThat(governance.entities().unlinked("u")).extracting(Memory::memoryId)
                .doesNotContain(stored.memoryId(), corrected.memoryId());
    }

    @Test
    void withoutAnLlmTheAdminEntityPassLinksWhatTheTextRulesFindInUnlinkedMemories() {
        Memory named = store("u", "billing-service calls Stripe", MemoryType.SEMANTIC, TrustTier.T1, null,
                Duration.ZERO);
        Memory nameless = store("u", "lunch is at noon", MemoryType.SEMANTIC, TrustTier.T1, null, Duration.ZERO);
        // a memory stored while linking was unavailable: remove its links as if they had never been written
        coordination.forgetEntityLinks("u");

        GovernanceReport report = governance.run(GovernanceOps.EXTRACT_ENTITIES, "u");

        assertThat(report.count("processed")).isEqualTo(2);
        assertThat(report.count("skipped")).isEqualTo(1);
        assertThat(report.count("edges_created")).isEqualTo(2);
        assertThat(governance.entities().unlinked("u")).extracting(Memory::memoryId)
                .containsExactly(nameless.memoryId()).doesNotContain(named.memoryId());
    }

    @Test
    void unlinkedMemoriesAreFoundPastThePagesOfLinkedOnes() {
        List<Memory> nameless = new java.util.ArrayList<>();
        for (String content : List.of("lunch moved to noon", "the weekly sync is on thursdays",
                "remember to water the plants")) {
            nameless.add(store("u", content, MemoryType.SEMANTIC, TrustTier.T1, null, Duration.ZERO));
        }
        for (int i = 0; i < 600; i++) { // newer, and each linked at write time: more than one page of them
            store("u", "svc" + i + "-service reads topic" + i + " from Kafka", MemoryType.SEMANTIC, TrustTier.T1,
                    null, Duration.ZERO);
        }

        assertThat(governance.entities().unlinked("u")).extracting(Memory::memoryId)
                .containsExactlyInAnyOrderElementsOf(nameless.stream().map(Memory::memoryId).toList());
    }

    @Test
    void withoutAnLlmTheDailyPassLinksBatchStoredMemories() {
        List<Memory> batch = memoria.storeBatch(Caller.of("u"), List.of(
                new StoreCommand(Caller.of("u"), "orders-service moved to PostgreSQL", null, null, null, null, null,
                        null, null),
                new StoreCommand(Caller.of("u"), "nothing to name here", null, null, null, null, null, null, null)));
        assertThat(governance.entities().unlinked("u")).hasSize(2);

        GovernanceReport daily = governance.runScheduled(Governance.DAILY, Cancellation.NEVER);

        assertThat(daily.count("entity_links_created")).isEqualTo(2);
        assertThat(governance.entities().unlinked("u")).extracting(Memory::memoryId)
                .containsExactly(batch.get(1).memoryId());
    }

    @Test
    void aStoreSucceedsWhenLinkingItsEntitiesFails() {
        CoordinationPorts ports = coordination.ports();
        EntityStore failing = new EntityStore() {
            @Override
            public boolean upsert(String userId, Entity entity, String source) {
                throw new StorageException("storage_error", "entity table unavailable", null);
            }

            @Override
            public boolean link(String userId, String memoryId, String entityName) {
                throw new StorageException("storage_error", "entity table unavailable", null);
            }

            @Override
            public List<Entity> list(String userId) {
                return List.of();
            }

            @Override
            public java.util.Set<String> linkedMemoryIds(String userId, java.util.Collection<String> memoryIds) {
                return java.util.Set.of();
            }
        };
        Memoria withFailingEntities = Memoria.builder().storage(storage.ports()).embedder(new WordHashEmbedder())
                .clock(clock).coordination(new CoordinationPorts(ports.lock(), ports.tasks(), ports.instances(),
                        ports.cooldowns(), ports.governanceLog(), failing)).instanceId("test-instance").build();

        Memory stored = withFailingEntities.store(new StoreCommand(Caller.of("u"), "auth-service moved to PostgreSQL",
                null, null, null, null, null, null, null));

        assertThat(withFailingEntities.get(Caller.of("u"), stored.memoryId())).isPresent();
    }
}
