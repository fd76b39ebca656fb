package dev.memoria.adapter.sql;

import dev.memoria.ports.model.ApiCall;
import dev.memoria.ports.model.AuditEntry;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.CallAggregate;
import dev.memoria.ports.model.Entity;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.EntityStore;
import dev.memoria.ports.out.HealthStatistics;
import dev.memoria.ports.out.MemoryCensus;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.OrphanCounts;
import dev.memoria.ports.out.UsageLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.memoria.adapter.sql.TestMemories.memory;
import static dev.memoria.adapter.sql.TestMemories.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The operations ports (health sums, usage log, audit trail, owner lookup) on every dialect the build can start.
 * Each test works as fresh users, so the tests share one storage.
 */
abstract class OperationsContract extends OpenStorageContract {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    MemoryStore memories;
    HealthStatistics health;
    UsageLog usage;
    EntityStore entities;

    @Override
    String storageName() {
        return "operations";
    }

    @BeforeAll
    void openPorts() {
        memories = storage.memoryStore();
        health = storage.operations().health();
        usage = storage.operations().usage();
        entities = storage.coordination().entities();
    }

    private static Memory observed(String user, String content, MemoryType type, TrustTier tier, double confidence,
                                   Instant observedAt, Instant createdAt) {
        Memory m = memory(user, content);
        return new Memory(m.memoryId(), user, type, content, tier, confidence, null, null, null, Map.of(),
                observedAt, createdAt, null, true, null);
    }

    private void insert(String user, Memory... batch) {
        memories.write(BranchRef.main(user), w -> {
            for (Memory m : batch) {
                w.insert(m);
            }
            return null;
        });
    }

    private static MemoryCensus only(List<MemoryCensus> census, MemoryType type, TrustTier tier) {
        return census.stream().filter(c -> c.type() == type && c.tier() == tier).findFirst().orElseThrow();
    }

    @Test
    void theCensusSumsActiveAndInactiveMemoriesByTypeAndTier() {
        String user = newUser();
        Instant hourAgo = NOW.minus(Duration.ofHours(1));
        Instant twoDaysAgo = NOW.minus(Duration.ofDays(2));
        Instant twoMonthsAgo = NOW.minus(Duration.ofDays(60));
        Memory fresh = observed(user, "abcd", MemoryType.SEMANTIC, TrustTier.T1, 0.9, hourAgo, hourAgo)
                .withEmbedding(TestMemories.vector(8, 1));
        Memory old = observed(user, "abcdefgh", MemoryType.SEMANTIC, TrustTier.T1, 0.5, twoDaysAgo, twoMonthsAgo);
        Memory corrected = observed(user, "wrong", MemoryType.SEMANTIC, TrustTier.T1, 0.95, hourAgo, hourAgo);
        Memory deleted = observed(user, "gone", MemoryType.SEMANTIC, TrustTier.T1, 0.95, hourAgo, hourAgo);
        Memory staleWorking = observed(user, "scratch", MemoryType.WORKING, TrustTier.T3, 0.65, twoDaysAgo, hourAgo);
        insert(user, fresh, old, corrected, deleted, staleWorking);
        memories.write(BranchRef.main(user), w -> {
            w.end(corrected.memoryId(), fresh.memoryId());
            w.end(deleted.memoryId(), null);
            return null;
        });
        String other = newUser();
        insert(other, observed(other, "someone else's", MemoryType.SEMANTIC, TrustTier.T1, 0.95, hourAgo, hourAgo));

        List<MemoryCensus> census = health.census(user, NOW, NOW.minus(Duration.ofDays(1)), NOW.minus(Duration.ofDays(30)));

        assertThat(census).hasSize(2);
        MemoryCensus semantic = only(census, MemoryType.SEMANTIC, TrustTier.T1);
        assertThat(semantic.active()).isEqualTo(2);
        assertThat(semantic.inactive()).isEqualTo(2);
        assertThat(semantic.superseded()).isEqualTo(1);
        assertThat(semantic.confidenceSum()).isCloseTo(1.4, within(1e-9));
        assertThat(semantic.contentChars()).isEqualTo(12);
        assertThat(semantic.ageSecondsSum()).isEqualTo(3_600 + 2 * 86_400);
        assertThat(semantic.embedded()).isEqualTo(1);
        assertThat(semantic.stale()).as("observed before the stale horizon").isEqualTo(1);
        assertThat(semantic.createdRecently()).as("created within 30 days").isEqualTo(1);
        MemoryCensus working = only(census, MemoryType.WORKING, TrustTier.T3);
        assertThat(working.active()).isEqualTo(1);
        assertThat(working.stale()).isEqualTo(1);
        assertThat(working.inactive()).isZero();

        assertThat(health.census(null, NOW, NOW, NOW).stream().mapToLong(MemoryCensus::active).sum())
                .as("every user").isGreaterThanOrEqualTo(4);
        assertThat(health.vectorCount()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aMemoryReactivatedAfterItEndedIsActiveOnly() {
        String user = newUser();
        Memory m = observed(user, "back again", MemoryType.PROFILE, TrustTier.T2, 0.85, NOW, NOW);
        insert(user, m);
        memories.write(BranchRef.main(user), w -> w.end(m.memoryId(), null));
        insert(user, m);

        MemoryCensus profile = only(health.census(user, NOW, NOW, NOW), MemoryType.PROFILE, TrustTier.T2);
        assertThat(profile.active()).isEqualTo(1);
        assertThat(profile.inactive()).isZero();
    }

    @Test
    void orphansAreLinksWithoutAMemoryOrEntityEntitiesWithoutLinksAndPointersToNoSuccessor() {
        String user = newUser();
        Memory kept = observed(user, "uses kafka", MemoryType.SEMANTIC, TrustTier.T1, 0.95, NOW, NOW);
        Memory ended = observed(user, "used postgres", MemoryType.SEMANTIC, TrustTier.T1, 0.95, NOW, NOW);
        Memory base = observed(user, "points nowhere", MemoryType.SEMANTIC, TrustTier.T1, 0.95, NOW, NOW);
        // active, yet naming a successor that does not exist: what a deleted correction leaves behind
        Memory dangling = new Memory(base.memoryId(), user, base.memoryType(), base.content(), base.trustTier(),
                base.initialConfidence(), null, null, null, Map.of(), NOW, NOW, TestMemories.nextId(), true, null);
        insert(user, kept, ended, dangling);
        memories.write(BranchRef.main(user), w -> w.end(ended.memoryId(), null));
        entities.upsert(user, new Entity("kafka", "Kafka", "tech"), "test");
        entities.upsert(user, new Entity("postgres", "Postgres", "tech"), "test");
        entities.upsert(user, new Entity("unlinked", "Unlinked", "concept"), "test");
        entities.link(user, kept.memoryId(), "kafka");
        entities.link(user, ended.memoryId(), "postgres");
        entities.link(user, kept.memoryId(), "no-such-entity");

        OrphanCounts orphans = health.orphans(user);
        assertThat(orphans.memoryEntityLinks()).as("the link of the ended memory").isEqualTo(1);
        assertThat(orphans.entityLinks()).as("the link to a missing entity").isEqualTo(1);
        assertThat(orphans.graphNodes()).as("the entity nobody links").isEqualTo(1);
        assertThat(orphans.brokenChains()).as("the active memory pointing at nothing").isEqualTo(1);
        assertThat(health.orphans(newUser())).isEqualTo(new OrphanCounts(0, 0, 0, 0));
        assertThat(health.orphans(null).graphNodes()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void ownersAreFoundByMemoryIdOnMainOnly() {
        String user = newUser();
        Memory mine = observed(user, "findable", MemoryType.SEMANTIC, TrustTier.T1, 0.95, NOW, NOW);
        insert(user, mine);
        Memory gone = observed(user, "deleted", MemoryType.SEMANTIC, TrustTier.T1, 0.95, NOW, NOW);
        insert(user, gone);
        memories.write(BranchRef.main(user), w -> w.end(gone.memoryId(), null));

        assertThat(storage.userDataStore().ownersOf(mine.memoryId())).containsExactly(user);
        assertThat(storage.userDataStore().ownersOf(gone.memoryId())).isEmpty();
        assertThat(storage.userDataStore().ownersOf(TestMemories.nextId())).isEmpty();
    }

    @Test
    void callsAreSummedPerDayAndRouteAndPruned() {
        String user = newUser();
        Instant today = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant lastWeek = today.minus(Duration.ofDays(7));
        usage.recordCalls(List.of(
                new ApiCall(user, "POST", "/v1/memories", 201, false, 10, today),
                new ApiCall(user, "POST", "/v1/memories", 422, false, 30, today),
                new ApiCall(user, "POST", "/mcp/memory_store", 200, true, 5, today),
                new ApiCall(user, "GET", "/v1/memories/{id}", 200, false, 2, lastWeek),
                new ApiCall(newUser(), "POST", "/v1/memories", 201, false, 99, today)));

        List<CallAggregate> all = usage.aggregate(user, null);
        assertThat(all).hasSize(3);
        CallAggregate stores = all.stream().filter(a -> a.path().equals("/v1/memories")).findFirst().orElseThrow();
        assertThat(stores.day()).isEqualTo(LocalDate.ofInstant(today, ZoneOffset.UTC));
        assertThat(stores.count()).isEqualTo(2);
        assertThat(stores.totalLatencyMs()).isEqualTo(40);
        assertThat(stores.maxLatencyMs()).isEqualTo(30);
        assertThat(stores.errors()).isEqualTo(1);
        assertThat(stores.rpcErrors()).isZero();
        CallAggregate rpc = all.stream().filter(a -> a.path().equals("/mcp/memory_store")).findFirst().orElseThrow();
        assertThat(rpc.errors()).isEqualTo(1);
        assertThat(rpc.rpcErrors()).isEqualTo(1);
        assertThat(usage.aggregate(user, today.minus(Duration.ofDays(1)))).hasSize(2);

        List<ApiCall> recent = usage.recent(user, 2);
        assertThat(recent).hasSize(2).allSatisfy(c -> assertThat(c.at()).isEqualTo(today));
        assertThat(usage.recent(user, 10)).last().satisfies(c -> {
            assertThat(c.path()).isEqualTo("/v1/memories/{id}");
            assertThat(c.status()).isEqualTo(200);
        });

        assertThat(usage.prune(today.minus(Duration.ofDays(1)))).isGreaterThanOrEqualTo(1);
        assertThat(usage.aggregate(user, null)).hasSize(2);
    }

    @Test
    void toolUseKeepsTheLatestTimePerTool() {
        String user = newUser();
        Instant earlier = NOW.minus(Duration.ofHours(2));
        usage.touchTools(user, Map.of("cursor", earlier, "claude", NOW.minus(Duration.ofHours(1))));
        usage.touchTools(user, Map.of("cursor", NOW));

        assertThat(usage.tools(user)).extracting(t -> t.toolName() + "@" + t.lastUsedAt())
                .containsExactly("cursor@" + NOW, "claude@" + NOW.minus(Duration.ofHours(1)));
        assertThat(usage.tools(newUser())).isEmpty();
    }

    @Test
    void theAuditTrailListsNewestFirst() {
        String actor = "acting-" + UUID.randomUUID().toString().substring(0, 8);
        Instant first = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.MICROS);
        var audit = storage.operations().audit();
        audit.record(new AuditEntry(UUID.randomUUID().toString(), first, "master", actor, "support_read", "u1", "m1"));
        audit.record(new AuditEntry(UUID.randomUUID().toString(), first.plusSeconds(1), "master", actor,
                "support_read", "u2", "m2"));

        // dated in the future, so they are the newest entries whatever other tests wrote
        assertThat(audit.recent(2)).extracting(AuditEntry::userId, AuditEntry::target, AuditEntry::actingUser)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("u2", "m2", actor),
                        org.assertj.core.groups.Tuple.tuple("u1", "m1", actor));
        assertThat(audit.recent(1).get(0).at()).isEqualTo(first.plusSeconds(1));
    }
}
