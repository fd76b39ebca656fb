package dev.memoria.core.version;

import dev.memoria.core.write.Embeddings;
import dev.memoria.core.write.SafetySnapshots;
import dev.memoria.ports.error.ConflictException;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.ApplyCommand;
import dev.memoria.ports.in.ApplyResult;
import dev.memoria.ports.in.BranchChanges;
import dev.memoria.ports.in.BranchInfo;
import dev.memoria.ports.in.ManageBranches;
import dev.memoria.ports.in.MergeResult;
import dev.memoria.ports.in.MergeStrategy;
import dev.memoria.ports.model.Branch;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.model.Snapshot;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.MemoryWriter;
import dev.memoria.ports.out.VersionStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Branches: cut from main (now, at a snapshot, or at a time), compared with main, merged back whole or in part. */
public final class BranchService implements ManageBranches {

    /**
     * An added memory this close to a same-type main memory replaces it instead of duplicating it; on the
     * embedder's own scale ({@code Embeddings#cosineAt}), a cosine of 0.9 under all-MiniLM-L6-v2.
     */
    static final double MERGE_NEAR_DUPLICATE_SIMILARITY = 0.9;

    private final VersionStore versions;
    private final MemoryStore store;
    private final MemorySearch search;
    private final SafetySnapshots safety;
    private final VersionLimits limits;
    private final Clock clock;
    private final BranchComparison comparison;
    private final BranchWrites writes;

    private final double mergeNearDuplicateCosine;

    /** @param embeddings the embedder whose similarity scale the merge's near-duplicate threshold is read on */
    public BranchService(VersionStore versions, MemoryStore store, MemorySearch search, SafetySnapshots safety,
                         VersionLimits limits, Clock clock, Embeddings embeddings) {
        this.mergeNearDuplicateCosine = embeddings.cosineAt(MERGE_NEAR_DUPLICATE_SIMILARITY);
        this.versions = versions;
        this.store = store;
        this.search = search;
        this.safety = safety;
        this.limits = limits;
        this.clock = clock;
        this.comparison = new BranchComparison(store);
        this.writes = new BranchWrites(store);
    }

    @Override
    public List<BranchInfo> listBranches(String userId) {
        String active = activeBranch(userId);
        return versions.listBranches(userId).stream().map(b -> new BranchInfo(b, b.name().equals(active))).toList();
    }

    private String activeBranch(String userId) {
        String checkedOut = versions.checkedOutBranch(userId);
        if (!BranchRef.MAIN.equals(checkedOut) && versions.findBranch(new BranchRef(userId, checkedOut)).isEmpty()) {
            return BranchRef.MAIN;
        }
        return checkedOut;
    }

    @Override
    public BranchInfo createBranch(String userId, String name, String fromSnapshot, Instant fromTime) {
        String valid = VersionNames.branch(name);
        if (BranchRef.MAIN.equals(valid)) {
            throw new ConflictException("branch_exists", "Branch 'main' already exists.");
        }
        if (fromSnapshot != null && fromTime != null) {
            throw new InvalidInputException("conflicting_source", "Specify from_snapshot or from_timestamp, not both.");
        }
        BranchRef target = new BranchRef(userId, valid);
        if (versions.findBranch(target).isPresent()) {
            throw new ConflictException("branch_exists", "Branch '" + valid + "' already exists.");
        }
        // the quota is checked by the store, atomically with the insert (parallel creates cannot exceed it)
        int quota = limits.maxBranches();
        BranchRef main = BranchRef.main(userId);
        Branch created;
        if (fromSnapshot != null) {
            Snapshot snapshot = versions.findSnapshot(userId, VersionNames.snapshot(fromSnapshot))
                    .orElseThrow(() -> new NotFoundException("snapshot_not_found",
                            "Snapshot '" + fromSnapshot + "' not found"));
            created = versions.createBranch(target, snapshot.branchRef(), snapshot.revision(), quota);
        } else if (fromTime != null) {
            if (fromTime.isAfter(clock.instant())) {
                throw new InvalidInputException("future_timestamp", "from_timestamp cannot be in the future");
            }
            created = versions.createBranch(target, main, versions.revisionAt(main, fromTime), quota);
        } else {
            created = versions.createBranch(target, main, versions.headRevision(main), quota);
        }
        return new BranchInfo(created, false);
    }

    private Branch find(String userId, String name) {
        String valid = VersionNames.branch(name);
        return versions.findBranch(new BranchRef(userId, valid))
                .orElseThrow(() -> new NotFoundException("branch_not_found", "Branch '" + valid + "' not found"));
    }

    @Override
    public long checkout(String userId, String name) {
        Branch branch = find(userId, name);
        versions.checkout(userId, branch.name());
        return store.countActive(branch.ref(), ReadPoint.HEAD);
    }

    @Override
    public boolean deleteBranch(String userId, String name) {
        String valid = VersionNames.branch(name);
        if (BranchRef.MAIN.equals(valid)) {
            throw new InvalidInputException("main_protected", "The main branch cannot be deleted");
        }
        Branch branch = find(userId, valid);
        if (branch.name().equals(versions.checkedOutBranch(userId))) {
            versions.checkout(userId, BranchRef.MAIN);
        }
        return versions.deleteBranch(branch.ref());
    }

    @Override
    public BranchChanges diff(String userId, String name) {
        Branch branch = find(userId, name);
        if (branch.ref().isMain()) {
            throw new InvalidInputException("main_has_no_diff", "main cannot be compared with itself");
        }
        return comparison.compare(branch, BranchRef.main(userId));
    }

    @Override
    public MergeResult merge(String userId, String name, MergeStrategy strategy) {
        BranchChanges changes = diff(userId, name);
        int size = changes.added().size() + changes.updated().size() + changes.removed().size()
                + changes.conflicts().size();
        if (size > limits.maxMergeChanges()) {
            throw new ConflictException("merge_too_large", "Too many changes (" + size + "). Max "
                    + limits.maxMergeChanges() + ". Reduce branch scope.");
        }
        BranchRef main = BranchRef.main(userId);
        String snapshot = safety.before("merge", main);
        Map<String, String> nearDuplicates = nearDuplicatesInMain(main, changes.added());
        int[] counts = new int[4];
        store.write(main, writer -> {
            for (Memory added : changes.added()) {
                String twin = nearDuplicates.get(added.memoryId());
                if (twin != null) {
                    if (replaceContent(writer, main, twin, added)) {
                        counts[1]++;
                    }
                } else if (writes.insertIfAbsent(writer, main, added)) {
                    counts[0]++;
                }
            }
            for (BranchChanges.Update update : changes.updated()) {
                if (writes.applyUpdate(writer, main, update.oldMemory().memoryId(), update.newMemory())) {
                    counts[1]++;
                }
            }
            for (Memory removed : changes.removed()) {
                if (writer.end(removed.memoryId(), null)) {
                    counts[2]++;
                }
            }
            for (BranchChanges.Conflict conflict : changes.conflicts()) {
                if (strategy == MergeStrategy.APPEND) {
                    counts[3]++;
                } else if (writes.acceptBranchSide(writer, main, conflict)) {
                    counts[1]++;
                }
            }
            return null;
        });
        return new MergeResult(counts[0], counts[1], counts[2], counts[3], snapshot);
    }

    @Override
    public ApplyResult apply(String userId, String name, ApplyCommand command) {
        if (BranchRef.MAIN.equals(name)) {
            throw new InvalidInputException("apply_from_main", "Cannot apply from main");
        }
        BranchChanges changes = diff(userId, name);
        BranchRef main = BranchRef.main(userId);
        Map<String, Memory> added = changes.added().stream().collect(Collectors.toMap(Memory::memoryId, Function.identity()));
        Map<String, Memory> removed = changes.removed().stream().collect(Collectors.toMap(Memory::memoryId, Function.identity()));
        Map<String, BranchChanges.Conflict> conflicts = changes.conflicts().stream()
                .collect(Collectors.toMap(c -> c.base().memoryId(), Function.identity()));
        Map<String, BranchChanges.Update> updates = changes.updated().stream()
                .collect(Collectors.toMap(u -> u.oldMemory().memoryId() + "→" + u.newMemory().memoryId(), Function.identity()));
        String snapshot = safety.before("apply", main);
        List<String> appliedAdds = new ArrayList<>();
        List<String> skippedAdds = new ArrayList<>();
        List<String> appliedUpdates = new ArrayList<>();
        List<String> skippedUpdates = new ArrayList<>();
        List<String> appliedRemoves = new ArrayList<>();
        List<String> skippedRemoves = new ArrayList<>();
        List<String> appliedConflicts = new ArrayList<>();
        List<String> skippedConflicts = new ArrayList<>();
        store.write(main, writer -> {
            for (String id : command.adds()) {
                Memory memory = added.get(id);
                (memory != null && writes.insertIfAbsent(writer, main, memory) ? appliedAdds : skippedAdds).add(id);
            }
            for (ApplyCommand.Update wanted : command.updates()) {
                String key = wanted.oldId() + "→" + wanted.newId();
                BranchChanges.Update update = updates.get(key);
                boolean done = update != null && writes.applyUpdate(writer, main, wanted.oldId(), update.newMemory());
                (done ? appliedUpdates : skippedUpdates).add(key);
            }
            for (String id : command.removes()) {
                (removed.containsKey(id) && writer.end(id, null) ? appliedRemoves : skippedRemoves).add(id);
            }
            for (String id : command.acceptConflicts()) {
                BranchChanges.Conflict conflict = conflicts.get(id);
                (conflict != null && writes.acceptBranchSide(writer, main, conflict) ? appliedConflicts : skippedConflicts).add(id);
            }
            return null;
        });
        return new ApplyResult(appliedAdds, skippedAdds, appliedUpdates, skippedUpdates, appliedRemoves, skippedRemoves,
                appliedConflicts, skippedConflicts, snapshot);
    }

    private boolean replaceContent(MemoryWriter writer, BranchRef main, String mainId, Memory incoming) {
        return store.findActive(main, mainId, ReadPoint.HEAD).map(existing -> writer.replace(new Memory(
                existing.memoryId(), existing.userId(), existing.memoryType(), incoming.content(), existing.trustTier(),
                existing.initialConfidence(), existing.sessionId(), existing.subjectId(), existing.authorId(),
                incoming.extraMetadata(), existing.observedAt(), existing.createdAt(), null, true, incoming.embedding())))
                .orElse(false);
    }

    private Map<String, String> nearDuplicatesInMain(BranchRef main, List<Memory> added) {
        Map<String, String> twins = new java.util.HashMap<>();
        for (Memory memory : added) {
            if (memory.embedding() == null) {
                continue;
            }
            List<ScoredId> nearest = search.nearest(main, ReadPoint.HEAD, memory.embedding(),
                    MemoryFilter.ALL.withTypes(Set.of(memory.memoryType())), 1);
            if (!nearest.isEmpty() && nearest.get(0).score() >= mergeNearDuplicateCosine
                    && !nearest.get(0).memoryId().equals(memory.memoryId())) {
                twins.put(memory.memoryId(), nearest.get(0).memoryId());
            }
        }
        return twins;
    }
}
