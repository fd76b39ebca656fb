package dev.memoria.core.version;

import dev.memoria.ports.in.BranchChanges;
import dev.memoria.ports.model.Branch;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.out.MemoryStore;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Three-way comparison by memory id: the state the branch was cut from (base), main now, and the branch
 * now. A side "changed" a base memory when the memory is no longer active there or its content differs.
 */
final class BranchComparison {

    private final MemoryStore store;
    private final ChangedMemories changes;

    BranchComparison(MemoryStore store) {
        this.store = store;
        this.changes = new ChangedMemories(store);
    }

    /**
     * The branch against {@code main}: usually the user's main, but any other branch for a pick into it (the
     * base stays the state the branch was cut from; "main" below then means that target).
     */
    BranchChanges compare(Branch branch, BranchRef main) {
        BranchRef source = new BranchRef(branch.userId(), branch.sourceBranch() == null ? BranchRef.MAIN
                : branch.sourceBranch());
        ReadPoint fork = ReadPoint.at(branch.sourceRevision());
        if (source.equals(main)) {
            // A memory neither side touched since the fork is unchanged on both and cannot appear in the result:
            // only the ids with a version created or ended since then are read (the branch starts at revision 0).
            Set<String> changed = changedSince(branch.ref(), 0);
            changed.addAll(changedSince(main, branch.sourceRevision()));
            return classify(branch, main, byId(source, changed, fork), byId(main, changed, ReadPoint.HEAD),
                    byId(branch.ref(), changed, ReadPoint.HEAD));
        }
        return classify(branch, main, state(source, fork), state(main, ReadPoint.HEAD),
                state(branch.ref(), ReadPoint.HEAD));
    }

    private BranchChanges classify(Branch branch, BranchRef main, Map<String, Memory> base,
                                   Map<String, Memory> mainNow, Map<String, Memory> branchNow) {

        List<BranchChanges.Update> updated = new ArrayList<>();
        List<Memory> removed = new ArrayList<>();
        List<BranchChanges.Conflict> conflicts = new ArrayList<>();
        List<Memory> behindMain = new ArrayList<>();
        Set<String> replacementsOnBranch = new HashSet<>();

        for (Memory original : base.values()) {
            String id = original.memoryId();
            Side onBranch = side(branch.ref(), id, original, branchNow);
            Side onMain = side(main, id, original, mainNow);
            if (onBranch.replacement() != null) {
                replacementsOnBranch.add(onBranch.replacement().memoryId());
            }
            if (!onBranch.changed()) {
                if (onMain.changed()) {
                    behindMain.add(onMain.replacement() != null ? onMain.replacement() : original);
                }
                continue;
            }
            if (onMain.changed()) {
                if (!sameOutcome(onBranch, onMain)) {
                    conflicts.add(new BranchChanges.Conflict(original, onBranch.replacement(), onMain.replacement()));
                }
                continue;
            }
            if (onBranch.replacement() != null) {
                updated.add(new BranchChanges.Update(original, onBranch.replacement()));
            } else {
                removed.add(original);
            }
        }
        List<Memory> added = branchNow.values().stream()
                .filter(m -> !base.containsKey(m.memoryId()) && !replacementsOnBranch.contains(m.memoryId()))
                .toList();
        mainNow.values().stream().filter(m -> !base.containsKey(m.memoryId()) && !branchNow.containsKey(m.memoryId()))
                .filter(m -> !isReplacementOnMain(main, m, base))
                .forEach(behindMain::add);
        return new BranchChanges(branch.name(), added, updated, removed, conflicts, behindMain);
    }

    /** How one side treated a base memory: unchanged, edited in place, superseded, or ended. */
    private record Side(boolean changed, Memory replacement) {
    }

    private Side side(BranchRef ref, String id, Memory original, Map<String, Memory> now) {
        Memory current = now.get(id);
        if (current != null) {
            boolean edited = !current.content().equals(original.content())
                    || !current.extraMetadata().equals(original.extraMetadata());
            return new Side(edited, edited ? current : null);
        }
        Optional<Memory> ended = store.findLatestVersion(ref, id);
        String successor = ended.map(Memory::supersededBy).orElse(null);
        return new Side(true, successor == null ? null : now.get(successor));
    }

    private static boolean sameOutcome(Side a, Side b) {
        if (a.replacement() == null || b.replacement() == null) {
            return a.replacement() == null && b.replacement() == null;
        }
        return Objects.equals(a.replacement().content(), b.replacement().content());
    }

    /** Main memories that replaced a base memory are reported through that base memory, not again. */
    private boolean isReplacementOnMain(BranchRef main, Memory candidate, Map<String, Memory> base) {
        return store.findSupersededBy(main, candidate.memoryId()).stream()
                .anyMatch(old -> base.containsKey(old.memoryId()));
    }

    private Set<String> changedSince(BranchRef ref, long revision) {
        return changes.since(ref, revision);
    }

    private Map<String, Memory> byId(BranchRef ref, Set<String> ids, ReadPoint at) {
        return changes.activeAt(ref, ids, at);
    }

    private Map<String, Memory> state(BranchRef ref, ReadPoint at) {
        Map<String, Memory> byId = new LinkedHashMap<>();
        store.forEachActive(ref, at, MemoryFilter.ALL, m -> byId.put(m.memoryId(), m));
        return byId;
    }
}
