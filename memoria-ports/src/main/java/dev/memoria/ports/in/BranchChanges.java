package dev.memoria.ports.in;

import dev.memoria.ports.model.Memory;

import java.util.List;

/**
 * A branch compared with main since the branch was cut.
 *
 * @param added       memories new on the branch
 * @param updated     corrections made on the branch (old → new)
 * @param removed     memories the branch ended that main still has unchanged
 * @param conflicts   memories both sides changed differently
 * @param behindMain  changes main received since the fork that the branch lacks
 */
public record BranchChanges(String branch, List<Memory> added, List<Update> updated, List<Memory> removed,
                            List<Conflict> conflicts, List<Memory> behindMain) {

    /** A memory corrected on one side. */
    public record Update(Memory oldMemory, Memory newMemory) {
    }

    /**
     * A base memory changed on both sides.
     *
     * @param branchSide what replaced it on the branch (null: ended without replacement)
     * @param mainSide   what replaced it on main (null: ended without replacement)
     */
    public record Conflict(Memory base, Memory branchSide, Memory mainSide) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && updated.isEmpty() && removed.isEmpty() && conflicts.isEmpty() && behindMain.isEmpty();
    }
}
