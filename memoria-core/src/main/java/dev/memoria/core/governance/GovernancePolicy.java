package dev.memoria.core.governance;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What governance does and how eagerly, in one immutable value.
 *
 * @param quarantineThreshold  active memories whose effective confidence fell below this are ended (recoverable)
 * @param staleWorking         {@code working} memories observed longer ago than this are archived (ended)
 * @param toolResultAge        {@code tool_result} memories observed longer ago than this are ended
 * @param safetySnapshotsToKeep newest safety snapshots kept per user by the weekly retention
 * @param garbageHorizon       ended row versions older than this (and seen by no retained snapshot) are removed
 * @param duplicateSimilarity  cosine at or above which two same-type, same-subject memories are the same fact; the
 *                             older one is superseded by the newer
 * @param conflictSimilarity   cosine at or above which two differing memories are reported as a possible conflict
 * @param finishedTaskRetention completed and failed async tasks are deleted after this
 * @param tasks                which operations may run at all
 * @param intervals            scheduler intervals by task name ({@code hourly}, {@code daily}, {@code weekly})
 *                             replacing the cluster settings'; empty keeps them
 */
public record GovernancePolicy(
        double quarantineThreshold,
        Duration staleWorking,
        Duration toolResultAge,
        int safetySnapshotsToKeep,
        Duration garbageHorizon,
        double duplicateSimilarity,
        double conflictSimilarity,
        Duration finishedTaskRetention,
        Cooldowns.Periods cooldowns,
        GovernanceTasks tasks,
        Map<String, Duration> intervals) {

    public static final GovernancePolicy DEFAULTS = new GovernancePolicy(0.2, Duration.ofHours(24), Duration.ofHours(72),
            5, Duration.ofDays(7), 0.95, 0.9, Duration.ofHours(72), Cooldowns.Periods.DEFAULTS,
            GovernanceTasks.ALL_ENABLED, Map.of());

    public GovernancePolicy {
        intervals = Map.copyOf(intervals);
        if (!(conflictSimilarity <= duplicateSimilarity) || conflictSimilarity < 0 || duplicateSimilarity > 1) {
            throw new IllegalArgumentException("similarities must satisfy 0 <= conflict <= duplicate <= 1");
        }
        for (Duration d : new Duration[]{staleWorking, toolResultAge, garbageHorizon, finishedTaskRetention}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("retention ages must not be negative");
            }
        }
        intervals.forEach((task, interval) -> {
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("interval of " + task + " must be positive");
            }
        });
        if (quarantineThreshold < 0 || quarantineThreshold > 1) {
            throw new IllegalArgumentException("quarantineThreshold must be within [0, 1]");
        }
        if (safetySnapshotsToKeep < 1) {
            throw new IllegalArgumentException("safetySnapshotsToKeep must be at least 1");
        }
    }

    /** The interval this policy sets for a scheduled task, if it overrides the cluster settings. */
    public Optional<Duration> interval(String task) {
        return Optional.ofNullable(intervals.get(task));
    }

    public GovernancePolicy withSafetySnapshotsToKeep(int value) {
        return new GovernancePolicy(quarantineThreshold, staleWorking, toolResultAge, value, garbageHorizon,
                duplicateSimilarity, conflictSimilarity, finishedTaskRetention, cooldowns, tasks, intervals);
    }

    public GovernancePolicy withQuarantineThreshold(double value) {
        return new GovernancePolicy(value, staleWorking, toolResultAge, safetySnapshotsToKeep, garbageHorizon,
                duplicateSimilarity, conflictSimilarity, finishedTaskRetention, cooldowns, tasks, intervals);
    }

    public GovernancePolicy withGarbageHorizon(Duration value) {
        return new GovernancePolicy(quarantineThreshold, staleWorking, toolResultAge, safetySnapshotsToKeep, value,
                duplicateSimilarity, conflictSimilarity, finishedTaskRetention, cooldowns, tasks, intervals);
    }

    public GovernancePolicy withCooldowns(Cooldowns.Periods value) {
        return new GovernancePolicy(quarantineThreshold, staleWorking, toolResultAge, safetySnapshotsToKeep,
                garbageHorizon, duplicateSimilarity, conflictSimilarity, finishedTaskRetention, value, tasks, intervals);
    }

    public GovernancePolicy withTasks(GovernanceTasks value) {
        return new GovernancePolicy(quarantineThreshold, staleWorking, toolResultAge, safetySnapshotsToKeep,
                garbageHorizon, duplicateSimilarity, conflictSimilarity, finishedTaskRetention, cooldowns, value,
                intervals);
    }
}
