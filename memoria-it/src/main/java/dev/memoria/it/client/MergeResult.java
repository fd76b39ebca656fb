package dev.memoria.it.client;

/**
 * What merging a branch into main changed.
 *
 * @param added          memories new on main
 * @param replaced       main memories replaced by the branch's version
 * @param removed        main memories ended because the branch removed them
 * @param skipped        branch changes not applied (duplicates, or conflicts under {@link MergeStrategy#APPEND})
 * @param safetySnapshot the snapshot of main taken before the merge; roll back to it to undo
 */
public record MergeResult(long added, long replaced, long removed, long skipped, String safetySnapshot) {
}
