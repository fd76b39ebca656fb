package dev.memoria.core.testing;

import dev.memoria.ports.error.ConflictException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.model.ApiKey;
import dev.memoria.ports.model.Branch;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Feedback;
import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.MemoryStats;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.RetrievalParams;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.model.Snapshot;
import dev.memoria.ports.model.TierSignalCount;
import dev.memoria.ports.out.AccessLog;
import dev.memoria.ports.out.ApiKeyStore;
import dev.memoria.ports.out.FeedbackStore;
import dev.memoria.ports.out.StorageTotals;
import dev.memoria.ports.out.UserDataStore;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.MemoryWriter;
import dev.memoria.ports.out.RetrievalParamsStore;
import dev.memoria.ports.out.StoragePorts;
import dev.memoria.ports.out.VersionStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Plain in-memory implementation of every storage port, faithful to the revisioned row model, for unit
 * tests of the core. Synchronised on itself: simple and good enough for tests.
 */
public final class InMemoryStorage implements MemoryStore, MemorySearch, VersionStore, FeedbackStore,
        RetrievalParamsStore, ApiKeyStore, UserDataStore, AccessLog {

    private record Row(BranchRef branch, Memory memory, long revFrom, Long revTo) {
        boolean activeAt(ReadPoint at) {
            if (at.isHead()) {
                return revTo == null;
            }
            return revFrom <= at.revision() && (revTo == null || revTo > at.revision());
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<BranchRef, Branch> branches = new HashMap<>();
    private final Map<BranchRef, List<Instant>> revisionTimes = new HashMap<>();
    private final Map<String, String> checkouts = new HashMap<>();
    private final Map<String, Snapshot> snapshots = new LinkedHashMap<>();
    private final List<Feedback> feedback = new ArrayList<>();
    private final Map<String, RetrievalParams> params = new HashMap<>();
    private final Map<String, ApiKey> keys = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> accesses = new HashMap<>();
    private final Clock clock;

    public InMemoryStorage(Clock clock) {
        this.clock = clock;
    }

    public StoragePorts ports() {
        return new StoragePorts(this, this, this, this, this, () -> true, this, this, this);
    }

    /** Every row version ever written on the branch, for assertions about history. */
    public synchronized long versionCount(BranchRef branch, String memoryId) {
        return rows.stream().filter(r -> r.branch().equals(branch) && r.memory().memoryId().equals(memoryId)).count();
    }

    // ---- MemoryStore

    @Override
    public synchronized <T> T write(BranchRef branch, Function<MemoryWriter, T> work) {
        if (!branch.isMain() && !branches.containsKey(branch)) {
            throw new NotFoundException("branch_not_found", "Branch '" + branch.branch() + "' not found");
        }
        long revision = headRevision(branch) + 1;
        List<Row> undo = new ArrayList<>(rows);
        try {
            T result = work.apply(new Writer(branch, revision));
            setHead(branch, revision);
            revisionTimes.computeIfAbsent(branch, b -> new ArrayList<>()).add(clock.instant());
            return result;
        } catch (RuntimeException e) {
            rows.clear();
            rows.addAll(undo);
            throw e;
        }
    }

    private void setHead(BranchRef branch, long revision) {
        Branch b = branches.get(branch);
        if (b == null) {
            branches.put(branch, new Branch(branch.userId(), branch.branch(), revision, clock.instant(), null, 0));
        } else {
            branches.put(branch, new Branch(b.userId(), b.name(), revision, b.createdAt(), b.sourceBranch(),
                    b.sourceRevision()));
        }
    }

    private final class Writer implements MemoryWriter {
        private final BranchRef branch;
        private final long revision;

        Writer(BranchRef branch, long revision) {
            this.branch = branch;
            this.revision = revision;
        }

        @Override
        public long revision() {
            return revision;
        }

        @Override
        public void insert(Memory memory) {
            rows.add(new Row(branch, memory, revision, null));
        }

        @Override
        public boolean end(String memoryId, String supersededBy) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                if (row.branch().equals(branch) && row.revTo() == null && row.memory().memoryId().equals(memoryId)) {
                    rows.set(i, new Row(branch, row.memory().withEnded(supersededBy), row.revFrom(), revision));
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean replace(Memory memory) {
            if (!end(memory.memoryId(), null)) {
                return false;
            }
            insert(memory);
            return true;
        }
    }

    private Stream<Row> visible(BranchRef branch, ReadPoint at) {
        return rows.stream().filter(r -> r.branch().equals(branch) && r.activeAt(at));
    }

    private static Memory asSeen(Row row, ReadPoint at) {
        // A version ended after the read point was active at it.
        Memory m = row.memory();
        return new Memory(m.memoryId(), m.userId(), m.memoryType(), m.content(), m.trustTier(), m.initialConfidence(),
                m.sessionId(), m.subjectId(), m.authorId(), m.extraMetadata(), m.observedAt(), m.createdAt(),
                at.isHead() ? m.supersededBy() : null, true, m.embedding());
    }

    @Override
    public synchronized Optional<Memory> findActive(BranchRef branch, String memoryId, ReadPoint at) {
        return visible(branch, at).filter(r -> r.memory().memoryId().equals(memoryId)).findFirst()
                .map(r -> asSeen(r, at));
    }

    @Override
    public synchronized List<String> changedSince(BranchRef branch, long revision, String afterId, int limit) {
        return rows.stream().filter(r -> r.branch().equals(branch))
                .filter(r -> r.revFrom() > revision || (r.revTo() != null && r.revTo() > revision))
                .map(r -> r.memory().memoryId()).filter(id -> afterId == null || id.compareTo(afterId) > 0)
                .distinct().sorted().limit(limit).toList();
    }

    @Override
    public synchronized List<Memory> findActiveByIds(BranchRef branch, Collection<String> memoryIds, ReadPoint at) {
        Set<String> wanted = new HashSet<>(memoryIds);
        return visible(branch, at).filter(r -> wanted.contains(r.memory().memoryId())).map(r -> asSeen(r, at)).toList();
    }

    @Override
    public synchronized Optional<Memory> findLatestVersion(BranchRef branch, String memoryId) {
        return rows.stream().filter(r -> r.branch().equals(branch) && r.memory().memoryId().equals(memoryId))
                .max(Comparator.comparingLong(Row::revFrom)).map(Row::memory);
    }

    @Override
    public synchronized List<Memory> findSupersededBy(BranchRef branch, String memoryId) {
        return rows.stream().filter(r -> r.branch().equals(branch) && memoryId.equals(r.memory().supersededBy()))
                .map(Row::memory).toList();
    }

    @Override
    public synchronized MemoryPage list(BranchRef branch, MemoryFilter filter, ReadPoint at, PageRequest page) {
        List<Memory> matching = visible(branch, at).map(r -> asSeen(r, at)).filter(filter::matches)
                .filter(m -> page.cursor() == null || m.memoryId().compareTo(page.cursor()) < 0)
                .sorted(Comparator.comparing(Memory::memoryId).reversed()).limit(page.limit() + 1L).toList();
        if (matching.size() > page.limit()) {
            List<Memory> items = matching.subList(0, page.limit());
            return new MemoryPage(items, items.get(items.size() - 1).memoryId());
        }
        return new MemoryPage(matching, null);
    }

    @Override
    public synchronized List<Memory> findContaining(BranchRef branch, String text, MemoryFilter filter, int limit) {
        String needle = text.toLowerCase(Locale.ROOT);
        return visible(branch, ReadPoint.HEAD).map(Row::memory).filter(filter::matches)
                .filter(m -> m.content().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(Memory::memoryId).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized MemoryStats stats(BranchRef branch, MemoryFilter filter) {
        List<Memory> active = visible(branch, ReadPoint.HEAD).map(Row::memory).filter(filter::matches).toList();
        Map<MemoryType, Long> byType = new EnumMap<>(MemoryType.class);
        active.forEach(m -> byType.merge(m.memoryType(), 1L, Long::sum));
        return new MemoryStats(byType, active.size(),
                active.stream().mapToDouble(Memory::initialConfidence).average().orElse(0),
                active.stream().map(Memory::createdAt).min(Comparator.naturalOrder()).orElse(null),
                active.stream().map(Memory::createdAt).max(Comparator.naturalOrder()).orElse(null));
    }

    // ---- MemorySearch: exact cosine and a naive term-overlap keyword score

    @Override
    public synchronized List<ScoredId> nearest(BranchRef branch, ReadPoint at, float[] query, MemoryFilter filter,
                                               int k) {
        return visible(branch, at).map(Row::memory).filter(m -> m.embedding() != null).filter(filter::matches)
                .map(m -> new ScoredId(m.memoryId(), dot(query, m.embedding())))
                .sorted(Comparator.comparingDouble(ScoredId::score).reversed()).limit(k).toList();
    }

    @Override
    public synchronized List<ScoredId> keyword(BranchRef branch, ReadPoint at, String query, MemoryFilter filter,
                                               int k) {
        // a query may repeat a word (a memory's text used as a query does): Set.of would refuse duplicates
        Set<String> terms = new HashSet<>(Arrays.asList(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")));
        return visible(branch, at).map(Row::memory).filter(filter::matches)
                .map(m -> new ScoredId(m.memoryId(), overlap(terms, m.content())))
                .filter(s -> s.score() > 0)
                .sorted(Comparator.comparingDouble(ScoredId::score).reversed()).limit(k).toList();
    }

    private static double overlap(Set<String> terms, String content) {
        double score = 0;
        for (String word : content.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            if (!word.isEmpty() && terms.contains(word)) {
                score += 1;
            }
        }
        return score;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    // ---- VersionStore

    @Override
    public synchronized List<Branch> listBranches(String userId) {
        List<Branch> result = new ArrayList<>();
        result.add(findBranch(BranchRef.main(userId)).orElseThrow());
        branches.values().stream().filter(b -> b.userId().equals(userId) && !b.name().equals(BranchRef.MAIN))
                .sorted(Comparator.comparing(Branch::createdAt)).forEach(result::add);
        return result;
    }

    @Override
    public synchronized Optional<Branch> findBranch(BranchRef branch) {
        Branch found = branches.get(branch);
        if (found == null && branch.isMain()) {
            return Optional.of(new Branch(branch.userId(), BranchRef.MAIN, 0, Instant.EPOCH, null, 0));
        }
        return Optional.ofNullable(found);
    }

    @Override
    public synchronized Branch createBranch(BranchRef target, BranchRef source, long sourceRevision, int maxBranches) {
        if (target.isMain() || branches.containsKey(target)) {
            throw new ConflictException("branch_exists", "Branch '" + target.branch() + "' already exists");
        }
        long others = branches.keySet().stream().filter(b -> b.userId().equals(target.userId()) && !b.isMain()).count();
        if (others >= maxBranches) {
            throw new ConflictException("branch_quota", "Branch limit reached (" + maxBranches + ").");
        }
        ReadPoint at = ReadPoint.at(sourceRevision);
        List<Row> copies = visible(source, at).map(r -> new Row(target, asSeen(r, at), 0, null)).toList();
        rows.addAll(copies);
        Branch created = new Branch(target.userId(), target.branch(), 0, clock.instant(), source.branch(), sourceRevision);
        branches.put(target, created);
        return created;
    }

    @Override
    public synchronized boolean deleteBranch(BranchRef branch) {
        rows.removeIf(r -> r.branch().equals(branch));
        return branches.remove(branch) != null;
    }

    @Override
    public synchronized String checkedOutBranch(String userId) {
        return checkouts.getOrDefault(userId, BranchRef.MAIN);
    }

    @Override
    public synchronized void checkout(String userId, String branch) {
        checkouts.put(userId, branch);
    }

    @Override
    public synchronized long headRevision(BranchRef branch) {
        Branch b = branches.get(branch);
        return b == null ? 0 : b.headRevision();
    }

    @Override
    public synchronized long revisionAt(BranchRef branch, Instant time) {
        List<Instant> times = revisionTimes.getOrDefault(branch, List.of());
        long revision = 0;
        for (int i = 0; i < times.size(); i++) {
            if (!times.get(i).isAfter(time)) {
                revision = i + 1;
            }
        }
        return revision;
    }

    @Override
    public synchronized Snapshot createSnapshot(String userId, String name, BranchRef branch, String description,
                                                boolean safety, int maxSnapshots) {
        return putSnapshot(userId, name, branch, headRevision(branch), description, safety, maxSnapshots);
    }

    private Snapshot putSnapshot(String userId, String name, BranchRef branch, long revision, String description,
                                 boolean safety, int maxSnapshots) {
        String key = userId + "/" + name;
        if (snapshots.containsKey(key)) {
            throw new ConflictException("snapshot_exists", "Snapshot '" + name + "' already exists.");
        }
        long userSnapshots = listSnapshots(userId).stream().filter(s -> !s.safety()).count();
        if (!safety && userSnapshots >= maxSnapshots) {
            throw new ConflictException("snapshot_quota", "Snapshot limit reached (" + maxSnapshots + ").");
        }
        Snapshot snapshot = new Snapshot(userId, name, branch.branch(), revision, description,
                clock.instant(), safety);
        snapshots.put(key, snapshot);
        return snapshot;
    }

    @Override
    public synchronized List<Snapshot> listSnapshots(String userId) {
        return snapshots.values().stream().filter(s -> s.userId().equals(userId))
                .sorted(Comparator.comparing(Snapshot::createdAt).reversed()).toList();
    }

    @Override
    public synchronized List<Snapshot> listSnapshots(String userId, int limit, int offset) {
        return listSnapshots(userId).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long countSnapshots(String userId) {
        return listSnapshots(userId).size();
    }

    @Override
    public synchronized Optional<Snapshot> findSnapshot(String userId, String name) {
        return Optional.ofNullable(snapshots.get(userId + "/" + name));
    }

    @Override
    public synchronized boolean deleteSnapshot(String userId, String name) {
        return snapshots.remove(userId + "/" + name) != null;
    }

    @Override
    public synchronized int pruneSafetySnapshots(String userId, int keep) {
        List<Snapshot> old = listSnapshots(userId).stream().filter(Snapshot::safety).skip(keep).toList();
        old.forEach(s -> snapshots.remove(userId + "/" + s.name()));
        return old.size();
    }

    @Override
    public synchronized long rollback(BranchRef branch, long revision, String safetySnapshot) {
        if (safetySnapshot != null) {
            putSnapshot(branch.userId(), safetySnapshot, branch, headRevision(branch),
                    "automatic snapshot before rollback", true, Integer.MAX_VALUE);
        }
        ReadPoint then = ReadPoint.at(revision);
        List<Row> past = visible(branch, then).toList();
        return write(branch, writer -> {
            Set<String> pastIds = new HashSet<>();
            past.forEach(r -> pastIds.add(r.memory().memoryId()));
            visible(branch, ReadPoint.HEAD).map(r -> r.memory().memoryId()).toList().forEach(id -> writer.end(id, null));
            past.forEach(r -> writer.insert(asSeen(r, then)));
            return writer.revision();
        });
    }

    // ---- FeedbackStore

    @Override
    public synchronized void record(Feedback item) {
        feedback.add(item);
    }

    @Override
    public synchronized Map<String, FeedbackCounts> countsByMemory(String userId, Collection<String> memoryIds) {
        Map<String, FeedbackCounts> result = new HashMap<>();
        for (String id : memoryIds) {
            FeedbackCounts counts = count(feedback.stream().filter(f -> f.userId().equals(userId) && f.memoryId().equals(id)).toList());
            if (counts.total() > 0) {
                result.put(id, counts);
            }
        }
        return result;
    }

    @Override
    public synchronized FeedbackCounts totals(String userId) {
        return count(feedback.stream().filter(f -> f.userId().equals(userId)).toList());
    }

    @Override
    public synchronized List<TierSignalCount> byTier(String userId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<TierSignalCount> result = new ArrayList<>();
        for (Feedback f : feedback) {
            if (!f.userId().equals(userId)) {
                continue;
            }
            findLatestVersion(BranchRef.main(userId), f.memoryId()).ifPresent(m ->
                    counts.merge(m.trustTier() + "/" + f.signal(), 1L, Long::sum));
        }
        counts.forEach((key, count) -> {
            String[] parts = key.split("/");
            result.add(new TierSignalCount(dev.memoria.ports.model.TrustTier.valueOf(parts[0]),
                    dev.memoria.ports.model.FeedbackSignal.valueOf(parts[1]), count));
        });
        return result;
    }

    private static FeedbackCounts count(List<Feedback> items) {
        long useful = 0;
        long irrelevant = 0;
        long outdated = 0;
        long wrong = 0;
        for (Feedback f : items) {
            switch (f.signal()) {
                case USEFUL -> useful++;
                case IRRELEVANT -> irrelevant++;
                case OUTDATED -> outdated++;
                case WRONG -> wrong++;
            }
        }
        return new FeedbackCounts(useful, irrelevant, outdated, wrong);
    }

    // ---- RetrievalParamsStore

    @Override
    public synchronized Optional<RetrievalParams> find(String userId) {
        return Optional.ofNullable(params.get(userId));
    }

    @Override
    public synchronized void save(String userId, RetrievalParams value) {
        params.put(userId, value);
    }

    // ---- ApiKeyStore

    @Override
    public synchronized void insert(ApiKey key) {
        keys.put(key.keyId(), key);
    }

    @Override
    public synchronized Optional<ApiKey> findByHash(String keyHash) {
        return keys.values().stream().filter(k -> k.keyHash().equals(keyHash)).findFirst();
    }

    @Override
    public synchronized Optional<ApiKey> findById(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public synchronized List<ApiKey> listByUser(String userId) {
        return keys.values().stream().filter(k -> k.userId().equals(userId))
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed()).toList();
    }

    @Override
    public synchronized boolean deactivate(String keyId) {
        ApiKey key = keys.get(keyId);
        if (key == null || !key.active()) {
            return false;
        }
        keys.put(keyId, new ApiKey(key.keyId(), key.userId(), key.name(), key.keyHash(), key.keyPrefix(), false,
                key.createdAt(), key.expiresAt(), key.lastUsedAt()));
        return true;
    }

    @Override
    public synchronized int deactivateAll(String userId) {
        int count = 0;
        for (ApiKey key : List.copyOf(keys.values())) {
            if (key.userId().equals(userId) && deactivate(key.keyId())) {
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized void replaceHash(String keyId, String keyHash) {
        ApiKey key = keys.get(keyId);
        keys.put(keyId, new ApiKey(key.keyId(), key.userId(), key.name(), keyHash, key.keyPrefix(), key.active(),
                key.createdAt(), key.expiresAt(), key.lastUsedAt()));
    }

    @Override
    public synchronized void touch(String keyId, Instant usedAt) {
        ApiKey key = keys.get(keyId);
        keys.put(keyId, new ApiKey(key.keyId(), key.userId(), key.name(), key.keyHash(), key.keyPrefix(), key.active(),
                key.createdAt(), key.expiresAt(), usedAt));
    }

    // ---- UserDataStore

    @Override
    public synchronized StorageTotals totals() {
        Map<dev.memoria.ports.model.MemoryType, Long> byType = new java.util.EnumMap<>(
                dev.memoria.ports.model.MemoryType.class);
        rows.stream().filter(r -> r.revTo() == null).forEach(r -> byType.merge(r.memory().memoryType(), 1L, Long::sum));
        return new StorageTotals(listUsers().size(), rows.stream().filter(r -> r.revTo() == null).count(), byType,
                rows.size(),
                branches.keySet().stream().filter(b -> !b.isMain()).count(), snapshots.size());
    }

    @Override
    public synchronized List<String> listUsers() {
        Set<String> users = new java.util.TreeSet<>();
        rows.forEach(r -> users.add(r.branch().userId()));
        keys.values().forEach(k -> users.add(k.userId()));
        return List.copyOf(users);
    }

    @Override
    public synchronized List<String> listUsers(String after, int limit) {
        return listUsers().stream().filter(u -> after == null || u.compareTo(after) > 0).limit(limit).toList();
    }

    @Override
    public synchronized List<String> ownersOf(String memoryId) {
        return rows.stream().filter(r -> r.branch().isMain() && r.revTo() == null
                        && r.memory().memoryId().equals(memoryId))
                .map(r -> r.branch().userId()).distinct().sorted().toList();
    }

    @Override
    public synchronized Map<String, Long> rowVersionsByBranch(String userId) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        rows.stream().filter(r -> r.branch().userId().equals(userId))
                .forEach(r -> counts.merge(r.branch().branch(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized long eraseMemory(String userId, String memoryId) {
        int before = rows.size();
        rows.removeIf(r -> r.branch().userId().equals(userId) && r.memory().memoryId().equals(memoryId));
        return before - rows.size();
    }

    @Override
    public synchronized long eraseUser(String userId) {
        int before = rows.size();
        rows.removeIf(r -> r.branch().userId().equals(userId));
        branches.keySet().removeIf(b -> b.userId().equals(userId));
        snapshots.values().removeIf(s -> s.userId().equals(userId));
        feedback.removeIf(f -> f.userId().equals(userId));
        params.remove(userId);
        return before - rows.size();
    }

    @Override
    public synchronized long collectGarbage(String userId, String branch, long revision) {
        BranchRef ref = new BranchRef(userId, branch);
        List<Long> kept = snapshots.values().stream().filter(s -> s.branchRef().equals(ref)).map(Snapshot::revision)
                .toList();
        int before = rows.size();
        rows.removeIf(r -> r.branch().equals(ref) && r.revTo() != null && r.revTo() <= revision
                && kept.stream().noneMatch(s -> r.revFrom() <= s && s < r.revTo()));
        return before - rows.size();
    }

    // ---- AccessLog

    @Override
    public synchronized void add(String userId, Map<String, Long> increments, Instant at) {
        Map<String, Long> user = accesses.computeIfAbsent(userId, u -> new HashMap<>());
        increments.forEach((id, n) -> user.merge(id, n, Long::sum));
    }

    @Override
    public synchronized long total(String userId) {
        return accesses.getOrDefault(userId, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public synchronized long reset(String userId) {
        Map<String, Long> removed = accesses.remove(userId);
        return removed == null ? 0 : removed.size();
    }
}
