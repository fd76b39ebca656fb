package dev.memoria.core.version;

/**
 * Per-user quotas. Safety snapshots do not count towards {@code maxSnapshots}; merges refuse more than
 * {@code maxMergeChanges} changes at once.
 */
public record VersionLimits(int maxSnapshots, int maxBranches, int maxMergeChanges) {

    public static final VersionLimits DEFAULTS = new VersionLimits(20, 20, 5000);

    public VersionLimits {
        if (maxSnapshots < 1 || maxBranches < 1 || maxMergeChanges < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
