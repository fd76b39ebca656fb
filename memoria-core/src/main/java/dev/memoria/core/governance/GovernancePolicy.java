package dev.memoria.core.governance;

import java.time.Duration;

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
        Cooldowns.Periods cooldowns) {

    public static final GovernancePolicy DEFAULTS = new GovernancePolicy(0.2, Duration.ofHours(24), Duration.ofHours(72),
            5, Duration.ofDays(7), 0.95, 0.9, Duration.ofHours(72), Cooldowns.Periods.DEFAULTS);

    public GovernancePolicy {
        if (quarantineThreshold < 0 || quarantineThreshold > 1) {
            throw new IllegalArgumentException("quarantineThreshold must be within [0, 1]");
        }
        if (safetySnapshotsToKeep < 1) {
            throw new IllegalArgumentException("safetySnapshotsToKeep must be at least 1");
        }
    }

    public GovernancePolicy withSafetySnapshotsToKeep(int value) {
        return new GovernancePolicy(quarantineThreshold, staleWorking, toolResultAge, value, garbageHorizon,
                duplicateSimilarity, conflictSimilarity, finishedTaskRetention, cooldowns);
    }

    public GovernancePolicy withQuarantineThreshold(double value) {
        return new GovernancePolicy(value, staleWorking, toolResultAge, safetySnapshotsToKeep, garbageHorizon,
                duplicateSimilarity, conflictSimilarity, finishedTaskRetention, cooldowns);
    }

    public GovernancePolicy withGarbageHorizon(Duration value) {
        return new GovernancePolicy(quarantineThreshold, staleWorking, toolResultAge, safetySnapshotsToKeep, value,
                duplicateSimilarity, conflictSimilarity, finishedTaskRetention, cooldowns);
    }

    public GovernancePolicy withCooldowns(Cooldowns.Periods value) {
        return new GovernancePolicy(quarantineThreshold, staleWorking, toolResultAge, safetySnapshotsToKeep,
                garbageHorizon, duplicateSimilarity, conflictSimilarity, finishedTaskRetention, value);
    }
}
