package dev.memoria.core.health;

import dev.memoria.ports.in.Capacity;
import dev.memoria.ports.in.Hygiene;
import dev.memoria.ports.in.StorageUsage;
import dev.memoria.ports.in.TypeHealth;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.HealthStatistics;
import dev.memoria.ports.out.MemoryCensus;
import dev.memoria.ports.out.OrphanCounts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The counting rules of the health reports, over sums a storage would return. */
class MemoryDiagnosticsTest {

    private final Instant now = Instant.parse("2026-06-01T12:00:00Z");

    /** Fixed sums; remembers the times it was asked about, to check the horizons. */
    private static final class FixedStatistics implements HealthStatistics {
        final List<MemoryCensus> census = new ArrayList<>();
        OrphanCounts orphans = new OrphanCounts(0, 0, 0, 0);
        long vectors;
        Instant staleBefore;
        Instant recentSince;
        String askedFor = "nobody";

        @Override
        public List<MemoryCensus> census(String userId, Instant now, Instant staleBefore, Instant recentSince) {
            this.askedFor = userId;
            this.staleBefore = staleBefore;
            this.recentSince = recentSince;
            return census;
        }

        @Override
        public OrphanCounts orphans(String userId) {
            return orphans;
        }

        @Override
        public long vectorCount() {
            return vectors;
        }
    }

    private final FixedStatistics statistics = new FixedStatistics();
    private final MemoryDiagnostics diagnostics = new MemoryDiagnostics(statistics, Duration.ofHours(24),
            Clock.fixed(now, ZoneOffset.UTC));

    private static MemoryCensus census(MemoryType type, TrustTier tier, long active, long inactive, long superseded,
                                       double confidence, long chars, long ageSeconds, long stale, long recent) {
        return new MemoryCensus(type, tier, active, inactive, superseded, confidence, chars, ageSeconds, active,
                stale, recent);
    }

    @Test
    void analyzeAveragesPerTypeAcrossTiers() {
        statistics.census.add(census(MemoryType.SEMANTIC, TrustTier.T1, 3, 1, 1, 2.7, 30, 3 * 3600, 0, 0));
        statistics.census.add(census(MemoryType.SEMANTIC, TrustTier.T2, 1, 0, 0, 0.5, 10, 5 * 3600, 0, 0));
        statistics.census.add(census(MemoryType.WORKING, TrustTier.T3, 0, 2, 0, 0, 0, 0, 0, 0));

        Map<MemoryType, TypeHealth> report = diagnostics.analyze("alice");

        assertThat(statistics.askedFor).isEqualTo("alice");
        assertThat(report).containsOnlyKeys(MemoryType.SEMANTIC, MemoryType.WORKING);
        TypeHealth semantic = report.get(MemoryType.SEMANTIC);
        assertThat(semantic.total()).isEqualTo(4);
        assertThat(semantic.averageConfidence()).isCloseTo(0.8, within(1e-9));
        assertThat(semantic.contradictionRate()).as("1 of 5 memories was replaced").isCloseTo(0.2, within(1e-9));
        assertThat(semantic.averageStalenessHours()).as("8 hours of age over 4 memories").isCloseTo(2.0, within(1e-9));
        TypeHealth working = report.get(MemoryType.WORKING);
        assertThat(working.total()).isZero();
        assertThat(working.averageConfidence()).as("nothing active is not a zero division").isZero();
    }

    @Test
    void storageCountsMemoriesOnceAndAveragesActiveContent() {
        statistics.census.add(census(MemoryType.SEMANTIC, TrustTier.T1, 2, 3, 1, 1.9, 300, 0, 0, 0));
        statistics.census.add(census(MemoryType.PROFILE, TrustTier.T1, 2, 0, 0, 1.9, 100, 0, 0, 0));

        StorageUsage usage = diagnostics.storage("alice");

        assertThat(usage).isEqualTo(new StorageUsage(7, 4, 3, 100.0));
        statistics.census.clear();
        assertThat(diagnostics.storage("nobody")).isEqualTo(new StorageUsage(0, 0, 0, 0.0));
    }

    @Test
    void capacityGrowthIsRelativeToWhatExistedBeforeTheWindow() {
        statistics.census.add(census(MemoryType.SEMANTIC, TrustTier.T1, 300, 0, 0, 0, 0, 0, 0, 100));
        statistics.vectors = 12_345;

        Capacity capacity = diagnostics.capacity("alice");

        assertThat(statistics.recentSince).isEqualTo(now.minus(Duration.ofDays(30)));
        assertThat(capacity.userActiveMemories()).isEqualTo(300);
        assertThat(capacity.globalVectorCount()).isEqualTo(12_345);
        assertThat(capacity.monthlyGrowthRate()).as("100 new on 200 old").isCloseTo(0.5, within(1e-9));
        assertThat(capacity.optimalThreshold()).isLessThan(capacity.degradedThreshold());
        assertThat(capacity.recommendation()).startsWith("Healthy");
    }

    @Test
    void capacityAdviceFollowsSizeAndGrowth() {
        assertThat(MemoryDiagnostics.capacityAdvice(0, 0)).startsWith("Healthy");
        assertThat(MemoryDiagnostics.capacityAdvice(20_000, 0.5)).contains("within a year");
        assertThat(MemoryDiagnostics.capacityAdvice(MemoryDiagnostics.OPTIMAL_MEMORIES, 0)).startsWith("Approaching");
        assertThat(MemoryDiagnostics.capacityAdvice(MemoryDiagnostics.DEGRADED_MEMORIES, 0)).startsWith("Over");
        statistics.census.add(census(MemoryType.SEMANTIC, TrustTier.T1, 0, 0, 0, 0, 0, 0, 0, 5));
        assertThat(diagnostics.capacity("newcomer").monthlyGrowthRate()).as("everything is new").isEqualTo(1.0);
    }

    @Test
    void hygieneCountsOnlyStaleWorkingMemoryAndFillsEveryTypeAndTier() {
        statistics.census.add(census(MemoryType.WORKING, TrustTier.T3, 4, 1, 0, 0, 0, 0, 3, 0));
        statistics.census.add(census(MemoryType.SEMANTIC, TrustTier.T1, 5, 2, 2, 0, 0, 0, 5, 0));
        statistics.orphans = new OrphanCounts(1, 2, 3, 1);

        Hygiene hygiene = diagnostics.hygiene(null);

        assertThat(statistics.askedFor).as("null: every user").isNull();
        assertThat(statistics.staleBefore).isEqualTo(now.minus(Duration.ofHours(24)));
        assertThat(hygiene.staleWorkingMemories()).as("old semantic memories are not stale working memory")
                .isEqualTo(3);
        assertThat(hygiene.inactiveMemories()).isEqualTo(3);
        assertThat(hygiene.supersededMemories()).isEqualTo(2);
        assertThat(hygiene.indexedVectors()).isEqualTo(9);
        assertThat(hygiene.activeByType()).hasSize(MemoryType.values().length)
                .containsEntry(MemoryType.WORKING, 4L).containsEntry(MemoryType.PROFILE, 0L);
        assertThat(hygiene.activeByTier()).hasSize(TrustTier.values().length)
                .containsEntry(TrustTier.T1, 5L).containsEntry(TrustTier.T4, 0L);
        assertThat(hygiene.recommendation()).contains("Run governance", "3 stale working", "1 broken", "6 entity rows");
    }

    @Test
    void aCleanStoreNeedsNothing() {
        statistics.census.add(census(MemoryType.SEMANTIC, TrustTier.T1, 5, 2, 0, 0, 0, 0, 0, 0));
        assertThat(diagnostics.hygiene("alice").recommendation()).startsWith("Nothing to clean;")
                .contains("2 inactive");
        statistics.census.clear();
        assertThat(diagnostics.hygiene("alice").recommendation()).isEqualTo("Nothing to clean.");
    }
}
