package dev.memoria.core.version;

import dev.memoria.ports.in.BranchChanges;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.MemoryWriter;

/**
 * Carrying one compared change (see {@link BranchComparison}) over to a target branch inside its write
 * transaction. Merge, apply and pick all write changes this way, so they agree on what "applied" means; each
 * method answers false when the target already has the outcome and nothing was written.
 */
final class BranchWrites {

    private final MemoryStore store;

    BranchWrites(MemoryStore store) {
        this.store = store;
    }

    boolean insertIfAbsent(MemoryWriter writer, BranchRef target, Memory memory) {
        if (store.findActive(target, memory.memoryId(), ReadPoint.HEAD).isPresent()) {
            return false;
        }
        writer.insert(memory);
        return true;
    }

    boolean applyUpdate(MemoryWriter writer, BranchRef target, String oldId, Memory replacement) {
        if (oldId.equals(replacement.memoryId())) {
            return writer.replace(replacement);
        }
        if (store.findActive(target, replacement.memoryId(), ReadPoint.HEAD).isPresent()) {
            return false;
        }
        if (!writer.end(oldId, replacement.memoryId())) {
            return false;
        }
        writer.insert(replacement);
        return true;
    }

    /** Branch wins: the target's version of the base memory ends and the branch's replacement (if any) takes over. */
    boolean acceptBranchSide(MemoryWriter writer, BranchRef target, BranchChanges.Conflict conflict) {
        String baseId = conflict.base().memoryId();
        Memory branchSide = conflict.branchSide();
        if (conflict.mainSide() != null && !conflict.mainSide().memoryId().equals(baseId)) {
            writer.end(conflict.mainSide().memoryId(), branchSide == null ? null : branchSide.memoryId());
        }
        if (branchSide == null) {
            writer.end(baseId, null);
            return true;
        }
        if (branchSide.memoryId().equals(baseId)) {
            if (!writer.replace(branchSide)) {
                writer.insert(branchSide);
            }
            return true;
        }
        writer.end(baseId, branchSide.memoryId());
        return insertIfAbsent(writer, target, branchSide);
    }
}
