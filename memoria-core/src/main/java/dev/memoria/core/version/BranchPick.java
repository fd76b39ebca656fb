package dev.memoria.core.version;

import dev.memoria.core.write.SafetySnapshots;
import dev.memoria.ports.error.ConflictException;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.BranchChanges;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.PickChanges;
import dev.memoria.ports.in.PickCommand;
import dev.memoria.ports.in.PickPreview;
import dev.memoria.ports.in.PickPreviewPage;
import dev.memoria.ports.in.PickResult;
import dev.memoria.ports.in.PickSelector;
import dev.memoria.ports.in.PickStrategy;
import dev.memoria.ports.in.RetrieveMemories;
import dev.memoria.ports.in.RetrieveQuery;
import dev.memoria.ports.in.ScoredMemory;
import dev.memoria.ports.model.Branch;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.Snapshot;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.MemoryWriter;
import dev.memoria.ports.out.VersionStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cherry-picking a branch's changes into main or another branch. The changes are the three-way comparison a merge
 * uses ({@link BranchComparison}, with the pick's target in main's place); a selector narrows them and the
 * strategy decides what happens to the conflicts among them. Each change is then written exactly as merge and
 * apply write it ({@link BranchWrites}), in one transaction on the target after a safety snapshot.
 */
public final class BranchPick implements PickChanges {

    private static final int PREVIEW_CHARS = 160;

    private final VersionStore versions;
    private final MemoryStore store;
    private final RetrieveMemories retrieval;
    private final SafetySnapshots safety;
    private final BranchComparison comparison;
    private final BranchWrites writes;

    public BranchPick(VersionStore versions, MemoryStore store, RetrieveMemories retrieval, SafetySnapshots safety) {
        this.versions = versions;
        this.store = store;
        this.retrieval = retrieval;
        this.safety = safety;
        this.comparison = new BranchComparison(store);
        this.writes = new BranchWrites(store);
    }

    /** One pickable change: the id it is reported under, every id that selects it, and how to write it. */
    private record Change(String memoryId, Set<String> ids, String content, boolean conflict, Apply apply) {
    }

    @FunctionalInterface
    private interface Apply {
        boolean to(MemoryWriter writer, BranchRef target);
    }

    /** The selected changes in selector order, with retrieval scores when the selector ranked them. */
    private record Plan(Branch source, BranchRef target, List<Change> selected, Map<String, Double> scores,
                        int ignored) {

        int conflicts() {
            return (int) selected.stream().filter(Change::conflict).count();
        }
    }

    @Override
    public PickResult pick(String userId, String source, PickCommand command) {
        Plan plan = plan(userId, source, command);
        if (command.strategy() == PickStrategy.FAIL && plan.conflicts() > 0) {
            throw new ConflictException("pick_conflict", "Conflict: pick from branch '" + plan.source().name()
                    + "' into '" + plan.target().branch() + "' hits " + plan.conflicts() + " memory(s) both sides "
                    + "changed (" + String.join(", ", plan.selected().stream().filter(Change::conflict)
                    .map(Change::memoryId).toList()) + "). Nothing was picked; use strategy skip or accept, "
                    + "or leave them out of the selector.");
        }
        if (plan.selected().isEmpty()) {
            return new PickResult(plan.source().name(), plan.target().branch(), 0, 0, plan.ignored(), null);
        }
        String snapshot = safety.before("pick", plan.target());
        int[] counts = new int[2]; // picked, skipped
        store.write(plan.target(), writer -> {
            for (Change change : plan.selected()) {
                boolean take = !change.conflict() || command.strategy() == PickStrategy.ACCEPT;
                counts[take && change.apply().to(writer, plan.target()) ? 0 : 1]++;
            }
            return null;
        });
        return new PickResult(plan.source().name(), plan.target().branch(), counts[0], counts[1], plan.ignored(),
                snapshot);
    }

    @Override
    public PickPreview previewPick(String userId, String source, PickCommand command, PickPreviewPage page) {
        Plan plan = plan(userId, source, command);
        List<PickPreview.Candidate> all = new ArrayList<>();
        int wouldApply = 0;
        int wouldSkip = 0;
        for (Change change : plan.selected()) {
            PickPreview.Candidate candidate = candidate(change, command.strategy(), plan.scores(), page);
            wouldApply += candidate.status() == PickPreview.Status.WOULD_APPLY ? 1 : 0;
            wouldSkip += candidate.status() == PickPreview.Status.WOULD_SKIP ? 1 : 0;
            all.add(candidate);
        }
        int from = Math.min(page.offset(), all.size());
        int to = Math.min(from + page.limit(), all.size());
        return new PickPreview(plan.source().name(), plan.target().branch(), command.strategy(), all.size(),
                wouldApply, wouldSkip, plan.conflicts(), command.strategy() == PickStrategy.FAIL && plan.conflicts() > 0,
                all.subList(from, to), to < all.size());
    }

    private static PickPreview.Candidate candidate(Change change, PickStrategy strategy, Map<String, Double> scores,
                                                   PickPreviewPage page) {
        PickPreview.Status status = PickPreview.Status.WOULD_APPLY;
        String reason = "new_or_updated_row";
        if (change.conflict()) {
            switch (strategy) {
                case SKIP -> {
                    status = PickPreview.Status.WOULD_SKIP;
                    reason = "conflict_skip";
                }
                case ACCEPT -> reason = "conflict_accept";
                case FAIL -> {
                    status = PickPreview.Status.CONFLICT;
                    reason = "conflict_fail";
                }
            }
        }
        String preview = !page.includeContentPreview() ? null : change.content().length() <= PREVIEW_CHARS
                ? change.content() : change.content().substring(0, PREVIEW_CHARS) + "...";
        Double score = page.includeScores() ? scores.get(change.memoryId()) : null;
        return new PickPreview.Candidate(change.memoryId(), preview, score, status, reason);
    }

    // ---- selection

    private Plan plan(String userId, String sourceName, PickCommand command) {
        String validSource = VersionNames.branch(sourceName);
        if (BranchRef.MAIN.equals(validSource)) {
            throw new InvalidInputException("pick_from_main", "Cannot pick from main");
        }
        Branch source = branch(userId, validSource);
        String validTarget = VersionNames.branch(command.target());
        if (validTarget.equals(source.name())) {
            throw new InvalidInputException("pick_into_itself", "target must differ from the source branch");
        }
        BranchRef target = branch(userId, validTarget).ref();
        List<Change> changes = changes(comparison.compare(source, target));
        PickSelector selector = command.selector();
        if (selector instanceof PickSelector.KeyList keys) {
            return byKeys(source, target, changes, keys.keys());
        }
        if (selector instanceof PickSelector.SnapshotRange range) {
            return new Plan(source, target,
                    touching(changes, changedBetween(source, range.fromSnapshot(), range.toSnapshot())), Map.of(), 0);
        }
        return byRetrieval(userId, source, target, changes, (PickSelector.Retrieve) selector);
    }

    private Branch branch(String userId, String name) {
        return versions.findBranch(new BranchRef(userId, name))
                .orElseThrow(() -> new NotFoundException("branch_not_found", "Branch '" + name + "' not found"));
    }

    private List<Change> changes(BranchChanges diff) {
        List<Change> changes = new ArrayList<>();
        for (Memory added : diff.added()) {
            changes.add(new Change(added.memoryId(), Set.of(added.memoryId()), added.content(), false,
                    (writer, target) -> writes.insertIfAbsent(writer, target, added)));
        }
        for (BranchChanges.Update update : diff.updated()) {
            Memory next = update.newMemory();
            String oldId = update.oldMemory().memoryId();
            changes.add(new Change(next.memoryId(), Set.of(oldId, next.memoryId()), next.content(), false,
                    (writer, target) -> writes.applyUpdate(writer, target, oldId, next)));
        }
        for (Memory removed : diff.removed()) {
            changes.add(new Change(removed.memoryId(), Set.of(removed.memoryId()), removed.content(), false,
                    (writer, target) -> writer.end(removed.memoryId(), null)));
        }
        for (BranchChanges.Conflict conflict : diff.conflicts()) {
            Set<String> ids = new HashSet<>();
            ids.add(conflict.base().memoryId());
            if (conflict.branchSide() != null) {
                ids.add(conflict.branchSide().memoryId());
            }
            String content = conflict.branchSide() != null ? conflict.branchSide().content() : conflict.base().content();
            changes.add(new Change(conflict.base().memoryId(), Set.copyOf(ids), content, true,
                    (writer, target) -> writes.acceptBranchSide(writer, target, conflict)));
        }
        return changes;
    }

    private static Plan byKeys(Branch source, BranchRef target, List<Change> changes, List<String> keys) {
        Set<String> wanted = new HashSet<>(keys);
        List<Change> selected = touching(changes, wanted);
        Set<String> matched = new HashSet<>();
        selected.forEach(c -> matched.addAll(c.ids()));
        int ignored = (int) keys.stream().filter(k -> !matched.contains(k)).count();
        return new Plan(source, target, selected, Map.of(), ignored);
    }

    private static List<Change> touching(List<Change> changes, Set<String> ids) {
        return changes.stream().filter(c -> c.ids().stream().anyMatch(ids::contains)).toList();
    }

    /** Ids that appeared, disappeared or were edited on the source branch between its two snapshots. */
    private Set<String> changedBetween(Branch source, String fromName, String toName) {
        Snapshot from = snapshotOf(source, fromName, "from_snapshot");
        Snapshot to = snapshotOf(source, toName, "to_snapshot");
        if (from.revision() > to.revision()) {
            throw new InvalidInputException("invalid_selector", "selector.from_snapshot '" + from.name()
                    + "' is newer than selector.to_snapshot '" + to.name() + "'");
        }
        Map<String, Memory> before = active(source.ref(), from.revision());
        Map<String, Memory> after = active(source.ref(), to.revision());
        Set<String> changed = new HashSet<>();
        after.forEach((id, m) -> {
            Memory old = before.get(id);
            if (old == null || !old.content().equals(m.content())) {
                changed.add(id);
            }
        });
        before.keySet().stream().filter(id -> !after.containsKey(id)).forEach(changed::add);
        return changed;
    }

    private Snapshot snapshotOf(Branch source, String name, String field) {
        Snapshot snapshot = versions.findSnapshot(source.userId(), VersionNames.snapshot(name))
                .orElseThrow(() -> new NotFoundException("snapshot_not_found", "Snapshot '" + name + "' not found"));
        if (!source.name().equals(snapshot.branch())) {
            throw new InvalidInputException("invalid_selector", "selector." + field + " '" + name
                    + "' is a snapshot of branch '" + snapshot.branch() + "', not of '" + source.name() + "'");
        }
        return snapshot;
    }

    private Map<String, Memory> active(BranchRef ref, long revision) {
        Map<String, Memory> byId = new HashMap<>();
        store.forEachActive(ref, ReadPoint.at(revision), MemoryFilter.ALL, m -> byId.put(m.memoryId(), m));
        return byId;
    }

    /**
     * Retrieval ranks the branch's active memories; the pick keeps the changes among them. A wide pool is
     * retrieved first, so unchanged memories ranking above the changes do not crowd them out of top_k.
     */
    private Plan byRetrieval(String userId, Branch source, BranchRef target, List<Change> changes,
                             PickSelector.Retrieve query) {
        List<ScoredMemory> ranked = retrieval.retrieve(RetrieveQuery.simple(new Caller(userId, source.name()),
                query.query(), RetrieveQuery.MAX_TOP_K)).memories();
        Map<String, Change> byId = new HashMap<>();
        changes.forEach(c -> c.ids().forEach(id -> byId.put(id, c)));
        List<Change> selected = new ArrayList<>();
        Map<String, Double> scores = new HashMap<>();
        for (ScoredMemory hit : ranked) {
            Change change = byId.get(hit.memory().memoryId());
            if (change == null || scores.containsKey(change.memoryId())
                    || (query.minScore() != null && hit.score() < query.minScore())) {
                continue;
            }
            selected.add(change);
            scores.put(change.memoryId(), hit.score());
            if (selected.size() == query.topK()) {
                break;
            }
        }
        return new Plan(source, target, selected, scores, 0);
    }
}
