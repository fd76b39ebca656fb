package dev.memoria.core.health;

import dev.memoria.ports.in.Capacity;
import dev.memoria.ports.in.DiagnoseMemories;
import dev.memoria.ports.in.Hygiene;
import dev.memoria.ports.in.StorageUsage;
import dev.memoria.ports.in.TypeHealth;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.out.HealthStatistics;
import dev.memoria.ports.out.OrphanCounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns the storage's sums into the health reports: rates, averages and one piece of advice. The thresholds are
 * ours: exact in-process vector search (H2, MySQL) stays interactive to about 100k memories per user, and the
 * stale-working horizon is governance's own, so "stale" here means "the next hourly pass archives it".
 */
public final class MemoryDiagnostics implements DiagnoseMemories {

    /** Up to this many memories per user, exact search answers in a few milliseconds. */
    static final long OPTIMAL_MEMORIES = 50_000;
    /** From this many on, exact search costs tens of milliseconds per query and keeps growing linearly. */
    static final long DEGRADED_MEMORIES = 100_000;
    static final Duration GROWTH_WINDOW = Duration.ofDays(30);

    private final HealthStatistics statistics;
    private final Duration staleWorking;
    private final Clock clock;

    public MemoryDiagnostics(HealthStatistics statistics, Duration staleWorking, Clock clock) {
        this.statistics = statistics;
        this.staleWorking = staleWorking;
        this.clock = clock;
    }

    private CensusTotals census(String userId) {
        Instant now = clock.instant();
        return new CensusTotals(statistics.census(userId, now, now.minus(staleWorking), now.minus(GROWTH_WINDOW)));
    }

    @Override
    public Map<MemoryType, TypeHealth> analyze(String userId) {
        CensusTotals all = census(userId);
        Map<MemoryType, TypeHealth> report = new EnumMap<>(MemoryType.class);
        for (MemoryType type : MemoryType.values()) {
            CensusTotals ofType = all.only(c -> c.type() == type);
            long active = ofType.active();
            if (active == 0 && ofType.inactive() == 0) {
                continue;
            }
            report.put(type, new TypeHealth(active, CensusTotals.ratio(ofType.confidenceSum(), active),
                    CensusTotals.ratio(ofType.sum(c -> c.superseded()), active + ofType.inactive()),
                    CensusTotals.ratio(ofType.sum(c -> c.ageSecondsSum()), active) / 3600.0));
        }
        return report;
    }

    @Override
    public StorageUsage storage(String userId) {
        CensusTotals all = census(userId);
        long active = all.active();
        return new StorageUsage(active + all.inactive(), active, all.inactive(),
                CensusTotals.ratio(all.sum(c -> c.contentChars()), active));
    }

    @Override
    public Capacity capacity(String userId) {
        CensusTotals all = census(userId);
        long active = all.active();
        long recent = all.sum(c -> c.createdRecently());
        // growth relative to what was there before the window; a user who started this month grew from nothing
        double growth = active - recent > 0 ? (double) recent / (active - recent) : (recent > 0 ? 1.0 : 0.0);
        return new Capacity(active, statistics.vectorCount(), growth, OPTIMAL_MEMORIES, DEGRADED_MEMORIES,
                capacityAdvice(active, growth));
    }

    static String capacityAdvice(long active, double monthlyGrowth) {
        if (active >= DEGRADED_MEMORIES) {
            return "Over " + DEGRADED_MEMORIES + " active memories: search slows down; purge what is obsolete, "
                    + "or move to MatrixOne, which searches vectors in the database";
        }
        if (active >= OPTIMAL_MEMORIES) {
            return "Approaching the size where search slows down (" + DEGRADED_MEMORIES + "); plan a purge or "
                    + "MatrixOne";
        }
        if (active > 0 && active * Math.pow(1 + monthlyGrowth, 12) >= DEGRADED_MEMORIES) {
            return "Fine today; at this growth rate the store passes " + DEGRADED_MEMORIES + " memories within a year";
        }
        return "Healthy: exact vector search stays fast at this size";
    }

    @Override
    public Hygiene hygiene(String userId) {
        CensusTotals all = census(userId);
        long staleWorkingCount = all.only(c -> c.type() == MemoryType.WORKING).sum(c -> c.stale());
        OrphanCounts orphans = statistics.orphans(userId);
        return new Hygiene(all.inactive(), staleWorkingCount, orphans, all.activeByType(), all.activeByTier(),
                all.sum(c -> c.superseded()), all.sum(c -> c.embedded()),
                hygieneAdvice(all.inactive(), staleWorkingCount, orphans));
    }

    static String hygieneAdvice(long inactive, long staleWorking, OrphanCounts orphans) {
        long orphanRows = orphans.memoryEntityLinks() + orphans.entityLinks() + orphans.graphNodes();
        StringBuilder advice = new StringBuilder();
        if (staleWorking > 0 || orphans.brokenChains() > 0) {
            advice.append("Run governance (POST /v1/governance): it archives ").append(staleWorking)
                    .append(" stale working memories and repairs ").append(orphans.brokenChains())
                    .append(" broken correction chains. ");
        }
        if (orphanRows > 0) {
            // retrieval only follows links to active memories, so these cost space, not answers
            advice.append(orphanRows).append(" entity rows point at memories or entities that are gone; they do not "
                    + "affect retrieval. ");
        }
        if (advice.isEmpty()) {
            advice.append(inactive > 0 ? "Nothing to clean; " + inactive
                    + " inactive memories stay recoverable until garbage collection." : "Nothing to clean.");
        }
        return advice.toString().trim();
    }
}
