package dev.memoria.core.version;

import dev.memoria.core.branch.BranchResolver;
import dev.memoria.core.write.SafetySnapshots;
import dev.memoria.ports.error.ConflictException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.ManageSnapshots;
import dev.memoria.ports.in.RollbackResult;
import dev.memoria.ports.in.SnapshotDetail;
import dev.memoria.ports.in.SnapshotInfo;
import dev.memoria.ports.in.SnapshotPage;
import dev.memoria.ports.in.StateDiff;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.Snapshot;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.VersionStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Snapshots are named revisions: creating one is a single row, reading one is "active at revision R". */
public final class SnapshotService implements ManageSnapshots {

    private final VersionStore versions;
    private final MemoryStore store;
    private final BranchResolver branches;
    private final SafetySnapshots safety;
    private final VersionLimits limits;

    public SnapshotService(VersionStore versions, MemoryStore store, BranchResolver branches, SafetySnapshots safety,
                           VersionLimits limits) {
        this.versions = versions;
        this.store = store;
        this.branches = branches;
        this.safety = safety;
        this.limits = limits;
    }

    @Override
    public SnapshotInfo createSnapshot(Caller caller, String name, String description) {
        String valid = VersionNames.snapshot(name);
        BranchRef branch = branches.resolve(caller);
        if (versions.findSnapshot(caller.userId(), valid).isPresent()) {
            throw new ConflictException("snapshot_exists", "Snapshot '" + valid + "' already exists.");
        }
        // the store counts and inserts atomically, so parallel creates cannot exceed the quota
        Snapshot snapshot = versions.createSnapshot(caller.userId(), valid, branch, description, false,
                limits.maxSnapshots());
        return info(snapshot);
    }

    private SnapshotInfo info(Snapshot snapshot) {
        return new SnapshotInfo(snapshot, store.countActive(snapshot.branchRef(), snapshot.readPoint()));
    }

    @Override
    public List<SnapshotInfo> listSnapshots(String userId) {
        return versions.listSnapshots(userId).stream().map(this::info).toList();
    }

    @Override
    public SnapshotPage listSnapshots(String userId, int limit, int offset) {
        int size = Math.max(1, Math.min(MAX_PAGE, limit));
        int skip = Math.max(0, offset);
        long total = versions.countSnapshots(userId);
        List<SnapshotInfo> page = skip >= total ? List.of()
                : versions.listSnapshots(userId, size, skip).stream().map(this::info).toList();
        return new SnapshotPage(page, total, size, skip);
    }

    private Snapshot find(String userId, String name) {
        return versions.findSnapshot(userId, VersionNames.snapshot(name))
                .orElseThrow(() -> new NotFoundException("snapshot_not_found", "Snapshot '" + name + "' not found"));
    }

    @Override
    public SnapshotDetail snapshotDetail(String userId, String name, int limit, int offset) {
        Snapshot snapshot = find(userId, name);
        Map<MemoryType, Long> byType = new EnumMap<>(MemoryType.class);
        List<Memory> page = new ArrayList<>();
        long[] index = {0};
        store.forEachActive(snapshot.branchRef(), snapshot.readPoint(), MemoryFilter.ALL, memory -> {
            byType.merge(memory.memoryType(), 1L, Long::sum);
            if (index[0] >= offset && page.size() < limit) {
                page.add(memory);
            }
            index[0]++;
        });
        long total = index[0];
        return new SnapshotDetail(new SnapshotInfo(snapshot, total), byType, page, (long) offset + page.size() < total);
    }

    @Override
    public StateDiff diffWithNow(String userId, String name) {
        Snapshot snapshot = find(userId, name);
        return changedBetween(snapshot.branchRef(), snapshot.revision(), snapshot.readPoint(), ReadPoint.HEAD);
    }

    @Override
    public StateDiff diffSnapshots(String userId, String older, String newer) {
        Snapshot from = find(userId, older);
        Snapshot to = find(userId, newer);
        if (from.branchRef().equals(to.branchRef())) {
            return changedBetween(from.branchRef(), Math.min(from.revision(), to.revision()), from.readPoint(),
                    to.readPoint());
        }
        return diff(state(from.branchRef(), from.readPoint()), state(to.branchRef(), to.readPoint()));
    }

    /**
     * Two points of one branch compared through the ids changed since the earlier one: a memory untouched since
     * then is the same at both points and cannot be added or removed, so only the changes are read.
     */
    private StateDiff changedBetween(BranchRef branch, long earlierRevision, ReadPoint older, ReadPoint newer) {
        ChangedMemories changes = new ChangedMemories(store);
        java.util.Set<String> ids = changes.since(branch, earlierRevision);
        return diff(changes.activeAt(branch, ids, older), changes.activeAt(branch, ids, newer),
                store.countActive(branch, older), store.countActive(branch, newer));
    }

    private Map<String, Memory> state(BranchRef branch, ReadPoint at) {
        Map<String, Memory> byId = new LinkedHashMap<>();
        store.forEachActive(branch, at, MemoryFilter.ALL, m -> byId.put(m.memoryId(), m));
        return byId;
    }

    private static StateDiff diff(Map<String, Memory> older, Map<String, Memory> newer) {
        return diff(older, newer, older.size(), newer.size());
    }

    private static StateDiff diff(Map<String, Memory> older, Map<String, Memory> newer, long olderCount,
                                  long newerCount) {
        List<Memory> added = newer.values().stream().filter(m -> !older.containsKey(m.memoryId())).toList();
        List<Memory> removed = older.values().stream().filter(m -> !newer.containsKey(m.memoryId())).toList();
        return new StateDiff(olderCount, newerCount, added, removed);
    }

    @Override
    public boolean deleteSnapshot(String userId, String name) {
        return versions.deleteSnapshot(userId, VersionNames.snapshot(name));
    }

    @Override
    public List<String> deleteSnapshots(String userId, List<String> names, String prefix, Instant olderThan) {
        List<String> deleted = new ArrayList<>();
        if (names != null && !names.isEmpty()) {
            for (String name : names) {
                if (versions.deleteSnapshot(userId, VersionNames.snapshot(name))) {
                    deleted.add(name.trim());
                }
            }
            return deleted;
        }
        for (Snapshot snapshot : versions.listSnapshots(userId)) {
            boolean matches = prefix != null ? snapshot.name().startsWith(prefix)
                    : olderThan != null && snapshot.createdAt().isBefore(olderThan);
            if (matches && versions.deleteSnapshot(userId, snapshot.name())) {
                deleted.add(snapshot.name());
            }
        }
        return deleted;
    }

    @Override
    public RollbackResult rollback(String userId, String name) {
        Snapshot snapshot = find(userId, name);
        BranchRef branch = snapshot.branchRef();
        branches.requireExists(branch);
        // the safety snapshot is recorded inside the rollback's own transaction: a write that commits between a
        // separate snapshot and the rollback would be in neither
        String safetyName = safety.name("rollback");
        long revision = versions.rollback(branch, snapshot.revision(), safetyName);
        safety.pruned(userId);
        return new RollbackResult(snapshot.name(), branch.branch(), safetyName, revision);
    }
}
