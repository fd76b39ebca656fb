package dev.memoria.core.governance;

import dev.memoria.core.confidence.ConfidenceDecay;
import dev.memoria.core.write.SafetySnapshots;
import dev.memoria.ports.in.TuneResult;
import dev.memoria.ports.in.TuneRetrieval;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.model.Snapshot;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.UserDataStore;
import dev.memoria.ports.out.VersionStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The governance operations on one user's main branch. Nothing here hard-deletes: memories are ended (their row
 * version closes, recoverable by rollback to the safety snapshot taken first) and only garbage collection removes
 * bytes, and only past the retention horizon. A safety snapshot is taken only when an operation will change
 * something, so idle runs do not pile up snapshots.
 */
public final class GovernanceService {

    private final MemoryStore store;
    private final MemorySearch search;
    private final VersionStore versions;
    private final UserDataStore users;
    private final SafetySnapshots safety;
    private final TuneRetrieval tuning;
    private final GovernancePolicy policy;
    private final Clock clock;

    public GovernanceService(MemoryStore store, MemorySearch search, VersionStore versions, UserDataStore users,
                             SafetySnapshots safety, TuneRetrieval tuning, GovernancePolicy policy, Clock clock) {
        this.store = store;
        this.search = search;
        this.versions = versions;
        this.users = users;
        this.safety = safety;
        this.tuning = tuning;
        this.policy = policy;
        this.clock = clock;
    }

    /** The built-in policy: what runs obey when no plugin chooses another. */
    public GovernancePolicy policy() {
        return policy;
    }

    public List<String> listUsers() {
        return users.listUsers();
    }

    /**
     * The on-demand pass: quarantine decayed memories, archive stale working memory, end old tool results and
     * repair broken supersede chains.
     */
    public GovernanceReport governance(String userId, Cancellation cancel) {
        return governance(userId, policy, cancel);
    }

    public GovernanceReport governance(String userId, GovernancePolicy policy, Cancellation cancel) {
        RunRecorder run = new RunRecorder(GovernanceOps.GOVERNANCE, userId);
        run.declare("quarantined", "cleaned_stale", "cleaned_tool_results", "archived_working", "compressed_redundant",
                "cleaned_incrementals", "orphan_graph_cleaned");
        quarantine(userId, policy, run, cancel);
        cleanup(userId, policy, run, cancel);
        return run.report();
    }

    /** The hourly part: stale working memory, old tool results, broken chains. */
    public GovernanceReport hourly(String userId, Cancellation cancel) {
        return hourly(userId, policy, cancel);
    }

    public GovernanceReport hourly(String userId, GovernancePolicy policy, Cancellation cancel) {
        RunRecorder run = new RunRecorder("hourly", userId);
        run.declare("cleaned_stale", "cleaned_tool_results", "archived_working");
        cleanup(userId, policy, run, cancel);
        return run.report();
    }

    /** The daily part: quarantine, consolidation and retrieval tuning. */
    public GovernanceReport daily(String userId, Cancellation cancel) {
        return daily(userId, policy, cancel);
    }

    public GovernanceReport daily(String userId, GovernancePolicy policy, Cancellation cancel) {
        RunRecorder run = new RunRecorder("daily", userId);
        run.declare("quarantined", "compressed_redundant", "conflicts_detected", "users_tuned");
        quarantine(userId, policy, run, cancel);
        consolidateInto(userId, policy, run, cancel);
        if (!policy.tasks().enabled(GovernanceTasks.TUNE)) {
            return run.report();
        }
        try {
            TuneResult tuned = tuning.tune(userId);
            run.add("users_tuned", tuned.tuned() ? 1 : 0);
        } catch (RuntimeException e) {
            run.warn("daily:tune:" + userId + " failed: " + e.getMessage());
        }
        return run.report();
    }

    /**
     * Consolidation: supersedes the older of near-duplicates (same type and subject, cosine at or above the
     * duplicate threshold — what write-time dedup would have done; batch writes skip it) and reports likely
     * contradictions (similar but differing memories) without changing them.
     */
    public GovernanceReport consolidate(String userId, Cancellation cancel) {
        return consolidate(userId, policy, cancel);
    }

    public GovernanceReport consolidate(String userId, GovernancePolicy policy, Cancellation cancel) {
        RunRecorder run = new RunRecorder(GovernanceOps.CONSOLIDATE, userId);
        run.declare("conflicts_detected", "compressed_redundant", "orphaned_scenes", "promoted", "demoted");
        consolidateInto(userId, policy, run, cancel);
        return run.report();
    }

    /** The weekly part: keep the newest safety snapshots, then garbage-collect past the horizon. */
    public GovernanceReport weekly(String userId, Cancellation cancel) {
        return weekly(userId, policy, cancel);
    }

    public GovernanceReport weekly(String userId, GovernancePolicy policy, Cancellation cancel) {
        RunRecorder run = new RunRecorder(GovernanceOps.WEEKLY, userId);
        run.declare("cleaned_snapshots", "cleaned_branches", "garbage_collected");
        BranchRef main = BranchRef.main(userId);
        List<Snapshot> safetySnapshots = !policy.tasks().enabled(GovernanceTasks.SNAPSHOT_RETENTION) ? List.of()
                : versions.listSnapshots(userId).stream().filter(Snapshot::safety)
                .sorted(Comparator.comparing(Snapshot::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        for (Snapshot old : safetySnapshots.stream().skip(policy.safetySnapshotsToKeep()).toList()) {
            cancel.check();
            if (versions.deleteSnapshot(userId, old.name())) {
                run.add("cleaned_snapshots", 1);
            }
        }
        long horizon = policy.tasks().enabled(GovernanceTasks.GC)
                ? versions.revisionAt(main, clock.instant().minus(policy.garbageHorizon())) : 0;
        if (horizon > 0) {
            try {
                run.add("garbage_collected", users.collectGarbage(userId, main.branch(), horizon));
            } catch (RuntimeException e) {
                run.warn("weekly:gc:" + userId + " failed: " + e.getMessage());
            }
        }
        return run.report();
    }

    private void quarantine(String userId, GovernancePolicy policy, RunRecorder run, Cancellation cancel) {
        cancel.check();
        if (!policy.tasks().enabled(GovernanceTasks.QUARANTINE)) {
            return;
        }
        Instant now = clock.instant();
        List<String> decayed = new ArrayList<>();
        store.forEachActive(BranchRef.main(userId), ReadPoint.HEAD, MemoryFilter.ALL, m -> {
            if (ConfidenceDecay.effective(m, now) < policy.quarantineThreshold()) {
                decayed.add(m.memoryId());
            }
        });
        run.add("quarantined", end(userId, "governance_quarantine", decayed, null, run));
    }

    private void cleanup(String userId, GovernancePolicy policy, RunRecorder run, Cancellation cancel) {
        cancel.check();
        Instant now = clock.instant();
        BranchRef main = BranchRef.main(userId);
        List<String> working = new ArrayList<>();
        List<String> toolResults = new ArrayList<>();
        List<Memory> broken = new ArrayList<>();
        Set<String> activeIds = new HashSet<>();
        List<Memory> pointing = new ArrayList<>();
        boolean archiveWorking = policy.tasks().enabled(GovernanceTasks.ARCHIVE_WORKING);
        boolean cleanToolResults = policy.tasks().enabled(GovernanceTasks.CLEAN_TOOL_RESULTS);
        store.forEachActive(main, ReadPoint.HEAD, MemoryFilter.ALL, m -> {
            activeIds.add(m.memoryId());
            if (m.memoryType() == MemoryType.WORKING && archiveWorking && olderThan(m, policy.staleWorking(), now)) {
                working.add(m.memoryId());
            } else if (m.memoryType() == MemoryType.TOOL_RESULT && cleanToolResults
                    && olderThan(m, policy.toolResultAge(), now)) {
                toolResults.add(m.memoryId());
            }
            if (m.supersededBy() != null) {
                pointing.add(m);
            }
        });
        // an active memory cannot have been superseded; a pointer on one is a broken chain (its successor is gone
        // or was itself ended), so the pointer is cleared and the memory stays
        for (Memory m : policy.tasks().enabled(GovernanceTasks.REPAIR_CHAINS) ? pointing : List.<Memory>of()) {
            if (!activeIds.contains(m.supersededBy()) || m.supersededBy().equals(m.memoryId())) {
                broken.add(m);
            }
        }
        run.add("archived_working", end(userId, "governance_archive", working, null, run));
        run.add("cleaned_tool_results", end(userId, "governance_tool_results", toolResults, null, run));
        if (!broken.isEmpty()) {
            run.snapshot(safety.before("governance_chains", main));
            long repaired = store.write(main, w -> broken.stream().filter(m -> w.replace(withoutSuccessor(m))).count());
            run.add("cleaned_stale", repaired);
        }
    }

    private static Memory withoutSuccessor(Memory m) {
        return new Memory(m.memoryId(), m.userId(), m.memoryType(), m.content(), m.trustTier(), m.initialConfidence(),
                m.sessionId(), m.subjectId(), m.authorId(), m.extraMetadata(), m.observedAt(), m.createdAt(), null,
                true, m.embedding());
    }

    private void consolidateInto(String userId, GovernancePolicy policy, RunRecorder run, Cancellation cancel) {
        cancel.check();
        if (!policy.tasks().enabled(GovernanceTasks.CONSOLIDATE)) {
            return;
        }
        BranchRef main = BranchRef.main(userId);
        List<Memory> active = new ArrayList<>();
        store.forEachActive(main, ReadPoint.HEAD, MemoryFilter.ALL, active::add);
        Map<String, Memory> byId = new LinkedHashMap<>();
        active.forEach(m -> byId.put(m.memoryId(), m));
        Map<String, String> supersede = new LinkedHashMap<>(); // older id -> newer id
        List<Map<String, Object>> conflicts = new ArrayList<>();
        Set<String> seenPairs = new HashSet<>();
        for (Memory m : active) {
            if (m.embedding() == null || supersede.containsKey(m.memoryId())) {
                continue;
            }
            cancel.check();
            MemoryFilter partition = MemoryFilter.ALL.withTypes(Set.of(m.memoryType()))
                    .withSubjectPartition(m.subjectId());
            for (ScoredId hit : search.nearest(main, ReadPoint.HEAD, m.embedding(), partition, 6)) {
                Memory other = byId.get(hit.memoryId());
                if (other == null || other.memoryId().equals(m.memoryId()) || supersede.containsKey(other.memoryId())
                        || hit.score() < policy.conflictSimilarity()) {
                    continue;
                }
                String pair = m.memoryId().compareTo(other.memoryId()) < 0 ? m.memoryId() + other.memoryId()
                        : other.memoryId() + m.memoryId();
                if (!seenPairs.add(pair)) {
                    continue;
                }
                Memory older = isOlder(m, other) ? m : other;
                Memory newer = older == m ? other : m;
                if (hit.score() >= policy.duplicateSimilarity() || sameText(m, other)) {
                    supersede.put(older.memoryId(), newer.memoryId());
                } else {
                    Map<String, Object> conflict = new LinkedHashMap<>();
                    conflict.put("older_memory_id", older.memoryId());
                    conflict.put("newer_memory_id", newer.memoryId());
                    conflict.put("similarity", Math.round(hit.score() * 1000) / 1000.0);
                    conflicts.add(conflict);
                }
            }
        }
        run.add("conflicts_detected", conflicts.size());
        run.detail("conflicts", conflicts);
        if (!supersede.isEmpty()) {
            run.snapshot(safety.before("governance_consolidate", main));
            long ended = store.write(main, w -> supersede.entrySet().stream()
                    .filter(e -> w.end(e.getKey(), e.getValue())).count());
            run.add("compressed_redundant", ended);
        }
    }

    private static boolean isOlder(Memory a, Memory b) {
        Instant ta = a.observedAt() != null ? a.observedAt() : a.createdAt();
        Instant tb = b.observedAt() != null ? b.observedAt() : b.createdAt();
        if (ta != null && tb != null && !ta.equals(tb)) {
            return ta.isBefore(tb);
        }
        return a.memoryId().compareTo(b.memoryId()) < 0; // UUIDv7: time-ordered
    }

    private static boolean sameText(Memory a, Memory b) {
        return normalise(a.content()).equals(normalise(b.content()));
    }

    private static String normalise(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static boolean olderThan(Memory m, Duration age, Instant now) {
        Instant since = m.observedAt() != null ? m.observedAt() : m.createdAt();
        return since != null && since.isBefore(now.minus(age));
    }

    /** Ends the listed memories in one revision, after a safety snapshot; returns how many were ended. */
    private long end(String userId, String operation, List<String> ids, String supersededBy, RunRecorder run) {
        if (ids.isEmpty()) {
            return 0;
        }
        BranchRef main = BranchRef.main(userId);
        run.snapshot(safety.before(operation, main));
        return store.write(main, w -> ids.stream().filter(id -> w.end(id, supersededBy)).count());
    }
}
