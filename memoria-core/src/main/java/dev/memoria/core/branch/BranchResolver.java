package dev.memoria.core.branch;

import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.AsOf;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.Snapshot;
import dev.memoria.ports.out.VersionStore;

/**
 * Decides which branch a caller's request touches: the explicit branch of the request, otherwise the
 * user's checked-out branch, and which state of it a read sees (now, a snapshot, or a point in time).
 */
public final class BranchResolver {

    private final VersionStore versions;

    public BranchResolver(VersionStore versions) {
        this.versions = versions;
    }

    /** The branch a request writes to or reads from; NotFound when an explicit branch does not exist. */
    public BranchRef resolve(Caller caller) {
        if (caller.branch() != null) {
            BranchRef explicit = new BranchRef(caller.userId(), caller.branch());
            requireExists(explicit);
            return explicit;
        }
        String checkedOut = versions.checkedOutBranch(caller.userId());
        BranchRef ref = new BranchRef(caller.userId(), checkedOut);
        // A checked-out branch deleted by another instance falls back to main rather than failing every call.
        if (!ref.isMain() && versions.findBranch(ref).isEmpty()) {
            return BranchRef.main(caller.userId());
        }
        return ref;
    }

    public ReadTarget resolveRead(Caller caller, AsOf asOf) {
        if (asOf == null || asOf.isNow()) {
            return new ReadTarget(resolve(caller), ReadPoint.HEAD);
        }
        if (asOf.snapshot() != null) {
            Snapshot snapshot = versions.findSnapshot(caller.userId(), asOf.snapshot())
                    .orElseThrow(() -> new NotFoundException("snapshot_not_found",
                            "Snapshot '" + asOf.snapshot() + "' not found"));
            return new ReadTarget(snapshot.branchRef(), snapshot.readPoint());
        }
        BranchRef branch = resolve(caller);
        return new ReadTarget(branch, ReadPoint.at(versions.revisionAt(branch, asOf.time())));
    }

    public void requireExists(BranchRef ref) {
        if (!ref.isMain() && versions.findBranch(ref).isEmpty()) {
            throw new NotFoundException("branch_not_found", "Branch '" + ref.branch() + "' not found");
        }
    }
}
