package dev.memoria.adapter.sql;

import dev.memoria.ports.error.ConfigurationException;
import dev.memoria.ports.error.ConflictException;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.model.Branch;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Feedback;
import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.FeedbackSignal;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.MemoryStats;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.RetrievalParams;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.model.Snapshot;
import dev.memoria.ports.model.TierSignalCount;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.VersionStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.memoria.ports.model.ApiKey;
import dev.memoria.ports.out.ApiKeyStore;
import dev.memoria.ports.out.UserDataStore;
import java.util.UUID;
import static dev.memoria.adapter.sql.TestMemories.memory;
import static dev.memoria.adapter.sql.TestMemories.newUser;
import static dev.memoria.adapter.sql.TestMemories.withContent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The storage port contract, written once and run against every dialect the build can start (H2 and a real
 * MariaDB). Each test works as fresh random users, so tests share one storage per dialect without interfering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StorageContract {

    static final int DIM = 8;
    static final String MODEL = "test-model";

    SqlStorage storage;
    MemoryStore memories;
    VersionStore versions;
    String user;
    BranchRef main;

    /** Settings for a database called (or stored under) {@code name}; a new name means an empty database. */
    abstract StorageSettings settings(String name, int dimension, String model);

    abstract String expectedDialect();

    @BeforeAll
    void openStorage() {
        storage = SqlStorage.open(settings("contract", DIM, MODEL));
        memories = storage.memoryStore();
        versions = storage.versionStore();
    }

    @AfterAll
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    @BeforeEach
    void freshUser() {
        user = newUser();
        main = BranchRef.main(user);
    }

    private Memory store(BranchRef branch, Memory memory) {
        memories.write(branch, w -> {
            w.insert(memory);
            return null;
        });
        return memory;
    }

    private Memory store(String content) {
        return store(main, memory(user, content));
    }

    private Set<String> activeContents(BranchRef branch, ReadPoint at) {
        return memories.list(branch, MemoryFilter.ALL, at, PageRequest.first(1000)).items().stream()
                .map(Memory::content).collect(Collectors.toSet());
    }

    // ---- basics -------------------------------------------------------------------------------------------

    @Test
    void detectsTheDialect() {
        assertThat(storage.dialectName()).isEqualTo(expectedDialect());
    }

    @Test
    void insertedMemoryReadsBackWithEveryField() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("source", "chat");
        metadata.put("count", 2);
        metadata.put("score", 2.5);
        metadata.put("flag", true);
        metadata.put("tags", List.of("a", "b"));
        metadata.put("nested", Map.of("k", "v"));
        Instant observed = Instant.parse("2024-05-06T07:08:09.123456Z");
        Memory original = new Memory(TestMemories.nextId(), user, MemoryType.PROCEDURAL, "Use tabs, not spaces — 用制表符",
                TrustTier.T3, 0.65, "sess-1", "subject-1", "author-1", metadata, observed,
                Instant.parse("2024-05-06T07:08:10.000001Z"), null, true, TestMemories.vector(DIM, 1));
        store(main, original);

        Memory read = memories.findActive(main, original.memoryId(), ReadPoint.HEAD).orElseThrow();

        assertThat(read).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void nullOptionalFieldsStayNull() {
        Memory original = new Memory(TestMemories.nextId(), user, MemoryType.WORKING, "x", TrustTier.T4, 0.4, null, null,
                null, Map.of(), null, Instant.parse("2024-01-01T00:00:00Z"), null, true, null);
        store(main, original);

        assertThat(memories.findActive(main, original.memoryId(), ReadPoint.HEAD).orElseThrow())
                .usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void insertingAnActiveIdAgainIsAConflict() {
        Memory m = store("once");
        assertThatThrownBy(() -> store(main, m)).isInstanceOf(ConflictException.class);
        assertThat(versions.headRevision(main)).isEqualTo(1);
    }

    @Test
    void findActiveByIdsReturnsOnlyActiveOnes() {
        Memory a = store("a");
        Memory b = store("b");
        Memory c = store("c");
        memories.write(main, w -> w.end(c.memoryId(), null));

        List<Memory> found = memories.findActiveByIds(main, List.of(a.memoryId(), b.memoryId(), c.memoryId(), "nope"),
                ReadPoint.HEAD);

        assertThat(found).extracting(Memory::content).containsExactlyInAnyOrder("a", "b");
    }

    // ---- list, filters, search, stats --------------------------------------------------------------------

    @Test
    void listPagesNewestFirstWithAKeysetCursor() {
        List<String> ids = new ArrayList<>();
        memories.write(main, w -> {
            for (int i = 0; i < 25; i++) {
                Memory m = memory(user, "m" + i);
                ids.add(m.memoryId());
                w.insert(m);
            }
            return null;
        });
        Collections.reverse(ids);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        List<Integer> sizes = new ArrayList<>();
        do {
            MemoryPage page = memories.list(main, MemoryFilter.ALL, ReadPoint.HEAD, new PageRequest(cursor, 10));
            sizes.add(page.items().size());
            page.items().forEach(m -> seen.add(m.memoryId()));
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(sizes).containsExactly(10, 10, 5);
        assertThat(seen).containsExactlyElementsOf(ids);
    }

    @Test
    void anExactlyFullLastPageHasNoCursor() {
        for (int i = 0; i < 3; i++) {
            store("m" + i);
        }
        MemoryPage page = memories.list(main, MemoryFilter.ALL, ReadPoint.HEAD, PageRequest.first(3));
        assertThat(page.items()).hasSize(3);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void listAppliesEveryFilterPart() {
        Memory base = memory(user, "plain");
        Memory sessionA = TestMemories.with(memory(user, "in session A"), MemoryType.SEMANTIC, TrustTier.T1, "A", null);
        Memory sessionB = TestMemories.with(memory(user, "in session B"), MemoryType.SEMANTIC, TrustTier.T1, "B", null);
        Memory subject = TestMemories.with(memory(user, "about bob"), MemoryType.PROFILE, TrustTier.T2, null, "bob");
        Memory working = TestMemories.with(memory(user, "scratch"), MemoryType.WORKING, TrustTier.T4, "A", "bob");
        memories.write(main, w -> {
            List.of(base, sessionA, sessionB, subject, working).forEach(w::insert);
            return null;
        });

        assertThat(contents(MemoryFilter.ALL.withSession(SessionFilter.exactly("A"))))
                .containsExactlyInAnyOrder("in session A", "scratch");
        assertThat(contents(MemoryFilter.ALL.withSession(SessionFilter.orUnscoped("A"))))
                .containsExactlyInAnyOrder("in session A", "scratch", "plain", "about bob");
        assertThat(contents(MemoryFilter.ALL.withSubject("bob"))).containsExactlyInAnyOrder("about bob", "scratch");
        assertThat(contents(MemoryFilter.ALL.withSubjectPartition(null)))
                .containsExactlyInAnyOrder("plain", "in session A", "in session B");
        assertThat(contents(MemoryFilter.ALL.withTypes(Set.of(MemoryType.PROFILE, MemoryType.WORKING))))
                .containsExactlyInAnyOrder("about bob", "scratch");
        assertThat(contents(MemoryFilter.ALL.withTrustTier(TrustTier.T2))).containsExactly("about bob");
    }

    @Test
    void metadataFilterStillFillsPages() {
        memories.write(main, w -> {
            for (int i = 0; i < 300; i++) {
                Object kind = i % 50 == 0 ? "keep" : (i % 50 == 1 ? (Object) 2 : "drop");
                w.insert(memory(user, "m" + i).withExtraMetadata(Map.of("kind", kind)));
            }
            return null;
        });
        MemoryFilter keep = MemoryFilter.ALL.withMetadataEquals(Map.of("kind", "keep"));

        MemoryPage first = memories.list(main, keep, ReadPoint.HEAD, PageRequest.first(4));
        MemoryPage second = memories.list(main, keep, ReadPoint.HEAD, new PageRequest(first.nextCursor(), 4));

        assertThat(first.items()).hasSize(4);
        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.items()).hasSize(2);
        assertThat(second.nextCursor()).isNull();
        // type-preserving: the number 2 matches 2.0 but not "2"
        assertThat(memories.list(main, MemoryFilter.ALL.withMetadataEquals(Map.of("kind", 2.0)), ReadPoint.HEAD,
                PageRequest.first(100)).items()).hasSize(6);
        assertThat(memories.list(main, MemoryFilter.ALL.withMetadataEquals(Map.of("kind", "2")), ReadPoint.HEAD,
                PageRequest.first(100)).items()).isEmpty();
    }

    private List<String> contents(MemoryFilter filter) {
        return memories.list(main, filter, ReadPoint.HEAD, PageRequest.first(100)).items().stream()
                .map(Memory::content).toList();
    }

    @Test
    void findContainingIsCaseInsensitiveAndTakesWildcardsLiterally() {
        store("Loves PYTHON");
        store("python is fine");
        store("100% sure");
        store("1000 sure");
        store("snake_case names");
        store("snakeXcase names");
        Memory newest = store("more Python");

        assertThat(memories.findContaining(main, "python", MemoryFilter.ALL, 10)).extracting(Memory::content)
                .containsExactly("more Python", "python is fine", "Loves PYTHON");
        assertThat(memories.findContaining(main, "python", MemoryFilter.ALL, 1)).extracting(Memory::memoryId)
                .containsExactly(newest.memoryId());
        assertThat(memories.findContaining(main, "0%", MemoryFilter.ALL, 10)).extracting(Memory::content)
                .containsExactly("100% sure");
        assertThat(memories.findContaining(main, "e_c", MemoryFilter.ALL, 10)).extracting(Memory::content)
                .containsExactly("snake_case names");
        assertThat(memories.findContaining(main, "PYTHON", MemoryFilter.ALL.withTypes(Set.of(MemoryType.PROFILE)), 10))
                .isEmpty();
    }

    @Test
    void statsCountActiveMemoriesByType() {
        MemoryStats empty = memories.stats(main, MemoryFilter.ALL);
        assertThat(empty.total()).isZero();
        assertThat(empty.oldest()).isNull();

        Memory a = TestMemories.with(memory(user, "a"), MemoryType.SEMANTIC, TrustTier.T1, null, null);
        Memory b = TestMemories.with(memory(user, "b"), MemoryType.PROFILE, TrustTier.T3, null, null);
        Memory c = TestMemories.with(memory(user, "c"), MemoryType.PROFILE, TrustTier.T3, null, null);
        Memory gone = memory(user, "gone");
        memories.write(main, w -> {
            List.of(a, b, c, gone).forEach(w::insert);
            return null;
        });
        memories.write(main, w -> w.end(gone.memoryId(), null));

        MemoryStats stats = memories.stats(main, MemoryFilter.ALL);

        assertThat(stats.total()).isEqualTo(3);
        assertThat(stats.byType()).containsExactlyInAnyOrderEntriesOf(Map.of(MemoryType.SEMANTIC, 1L, MemoryType.PROFILE, 2L));
        assertThat(stats.averageConfidence()).isCloseTo((0.95 + 0.95 + 0.95) / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.oldest()).isNotNull();
        assertThat(stats.newest()).isAfterOrEqualTo(stats.oldest());
        assertThat(memories.stats(main, MemoryFilter.ALL.withMetadataEquals(Map.of("x", 1))).total()).isZero();
    }

    // ---- versions ----------------------------------------------------------------------------------------

    @Test
    void endAndReplaceKeepEveryOldVersion() {
        Memory original = store("v1");
        long afterInsert = versions.headRevision(main);

        boolean replaced = memories.write(main, w -> w.replace(withContent(original, "v2")));
        long afterReplace = versions.headRevision(main);
        Memory correction = memory(user, "corrected");
        memories.write(main, w -> {
            w.insert(correction);
            return w.end(original.memoryId(), correction.memoryId());
        });

        assertThat(replaced).isTrue();
        assertThat(memories.findActive(main, original.memoryId(), ReadPoint.HEAD)).isEmpty();
        assertThat(memories.findActive(main, original.memoryId(), ReadPoint.at(afterInsert)).orElseThrow().content())
                .isEqualTo("v1");
        assertThat(memories.findActive(main, original.memoryId(), ReadPoint.at(afterReplace)).orElseThrow().content())
                .isEqualTo("v2");
        Memory latest = memories.findLatestVersion(main, original.memoryId()).orElseThrow();
        assertThat(latest.content()).isEqualTo("v2");
        assertThat(latest.active()).isFalse();
        assertThat(latest.supersededBy()).isEqualTo(correction.memoryId());
        assertThat(memories.findSupersededBy(main, correction.memoryId())).extracting(Memory::content)
                .containsExactly("v2");
        boolean endedAgain = memories.write(main, w -> w.end(original.memoryId(), null));
        boolean replacedEnded = memories.write(main, w -> w.replace(withContent(original, "v3")));
        assertThat(endedAgain).isFalse();
        assertThat(replacedEnded).isFalse();
        assertThat(memories.findLatestVersion(main, "never-existed")).isEmpty();
    }

    @Test
    void changesWithinOneTransactionCollapse() {
        Memory m = memory(user, "first");
        memories.write(main, w -> {
            w.insert(m);
            w.replace(withContent(m, "second"));
            w.end(m.memoryId(), null);
            w.insert(withContent(m, "third"));
            return null;
        });
        assertThat(memories.findActive(main, m.memoryId(), ReadPoint.HEAD).orElseThrow().content()).isEqualTo("third");
        assertThat(activeContents(main, ReadPoint.HEAD)).containsExactly("third");
    }

    @Test
    void everyWriteTakesTheNextRevision() {
        assertThat(versions.headRevision(main)).isZero();
        List<Long> revisions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            revisions.add(memories.write(main, w -> {
                w.insert(memory(user, "x"));
                return w.revision();
            }));
        }
        assertThat(revisions).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(versions.headRevision(main)).isEqualTo(5);
    }

    @Test
    void aFailedWriteLeavesNoTrace() {
        store("kept");
        assertThatThrownBy(() -> memories.write(main, w -> {
            w.insert(memory(user, "lost"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(versions.headRevision(main)).isEqualTo(1);
        assertThat(activeContents(main, ReadPoint.HEAD)).containsExactly("kept");
    }

    @Test
    void readsAtAPastRevisionSeeThatState() {
        store("one");
        long r1 = versions.headRevision(main);
        Memory two = store("two");
        long r2 = versions.headRevision(main);
        memories.write(main, w -> w.end(two.memoryId(), null));

        assertThat(activeContents(main, ReadPoint.at(0))).isEmpty();
        assertThat(activeContents(main, ReadPoint.at(r1))).containsExactly("one");
        assertThat(memories.countActive(main, ReadPoint.at(r2))).isEqualTo(2);
        assertThat(memories.countActive(main, ReadPoint.HEAD)).isEqualTo(1);
        assertThat(activeContents(main, ReadPoint.at(r2))).containsExactlyInAnyOrder("one", "two");
        assertThat(activeContents(main, ReadPoint.HEAD)).containsExactly("one");
    }

    @Test
    void unknownBranchesAreNotFound() {
        BranchRef ghost = new BranchRef(user, "ghost");
        assertThatThrownBy(() -> store(ghost, memory(user, "x")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo("branch_not_found");
                    assertThat(e.getMessage()).isEqualTo("Branch 'ghost' not found");
                });
        assertThatThrownBy(() -> memories.list(ghost, MemoryFilter.ALL, ReadPoint.HEAD, PageRequest.first(1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> versions.headRevision(ghost)).isInstanceOf(NotFoundException.class);
        assertThat(versions.findBranch(ghost)).isEmpty();
    }

    @Test
    void usersNeverSeeEachOthersRows() {
        Memory mine = store("secret of A");
        String other = newUser();
        BranchRef otherMain = BranchRef.main(other);
        // the same memory id under another user is a different memory
        store(otherMain, new Memory(mine.memoryId(), other, MemoryType.SEMANTIC, "B's own", TrustTier.T1, 0.9, null,
                null, null, Map.of(), null, Instant.now(), null, true, null));
        versions.createSnapshot(user, "snap", main, null, false);

        assertThat(activeContents(otherMain, ReadPoint.HEAD)).containsExactly("B's own");
        assertThat(memories.findActive(otherMain, mine.memoryId(), ReadPoint.HEAD).orElseThrow().content())
                .isEqualTo("B's own");
        assertThat(memories.findContaining(otherMain, "secret", MemoryFilter.ALL, 10)).isEmpty();
        assertThat(memories.stats(otherMain, MemoryFilter.ALL).total()).isEqualTo(1);
        assertThat(versions.listSnapshots(other)).isEmpty();
        assertThat(versions.findSnapshot(other, "snap")).isEmpty();
        assertThat(versions.deleteSnapshot(other, "snap")).isFalse();
        assertThat(versions.findSnapshot(user, "snap")).isPresent();
        assertThat(versions.headRevision(otherMain)).isEqualTo(1);
        assertThat(memories.findActive(main, mine.memoryId(), ReadPoint.HEAD).orElseThrow().content())
                .isEqualTo("secret of A");
    }

    @Test
    void userIdsCompareExactly() {
        String lower = "case-" + newUser();
        String upper = lower.toUpperCase();
        store(BranchRef.main(lower), memory(lower, "lower's"));
        assertThat(activeContents(BranchRef.main(upper), ReadPoint.HEAD)).isEmpty();
    }

    // ---- snapshots ---------------------------------------------------------------------------------------

    @Test
    void snapshotsArePagedInStorageNewestFirst() {
        for (int i = 0; i < 5; i++) {
            store("m" + i);
            versions.createSnapshot(user, "p" + i, main, null, false);
        }
        assertThat(versions.countSnapshots(user)).isEqualTo(5);
        assertThat(versions.countSnapshots(newUser())).isZero();
        assertThat(versions.listSnapshots(user, 2, 0)).extracting(Snapshot::name).containsExactly("p4", "p3");
        assertThat(versions.listSnapshots(user, 2, 2)).extracting(Snapshot::name).containsExactly("p2", "p1");
        assertThat(versions.listSnapshots(user, 2, 4)).extracting(Snapshot::name).containsExactly("p0");
        assertThat(versions.listSnapshots(user, 10, 5)).isEmpty();
        assertThat(versions.listSnapshots(user, 500, 0)).isEqualTo(versions.listSnapshots(user));
    }

    @Test
    void snapshotsNameARevision() {
        store("before");
        Snapshot first = versions.createSnapshot(user, "first", main, "desc", false);
        store("after");
        Snapshot safety = versions.createSnapshot(user, "pre_rollback_1", main, null, true);

        assertThat(first.revision()).isEqualTo(1);
        assertThat(safety.revision()).isEqualTo(2);
        assertThat(versions.findSnapshot(user, "first")).contains(first);
        assertThat(versions.listSnapshots(user)).extracting(Snapshot::name).containsExactly("pre_rollback_1", "first");
        assertThat(versions.listSnapshots(user).get(0).safety()).isTrue();
        assertThat(activeContents(main, first.readPoint())).containsExactly("before");
        assertThatThrownBy(() -> versions.createSnapshot(user, "first", main, null, false))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("snapshot_exists"));
        assertThat(versions.deleteSnapshot(user, "first")).isTrue();
        assertThat(versions.deleteSnapshot(user, "first")).isFalse();
        assertThat(versions.findSnapshot(user, "first")).isEmpty();
    }

    @Test
    void aSnapshotOfAFreshUserIsRevisionZero() {
        assertThat(versions.createSnapshot(user, "empty", main, null, false).revision()).isZero();
    }

    // ---- branches ----------------------------------------------------------------------------------------

    @Test
    void mainIsImplicitAndListedFirst() {
        assertThat(versions.listBranches(user)).extracting(Branch::name).containsExactly("main");
        assertThat(versions.findBranch(main)).isPresent();
        assertThat(versions.checkedOutBranch(user)).isEqualTo("main");
    }

    @Test
    void aBranchCopiesTheSourceAtARevisionAndThenLivesOnItsOwn() {
        Memory a = store("a");
        long r1 = versions.headRevision(main);
        store("b");
        BranchRef exp = new BranchRef(user, "exp");

        Branch created = versions.createBranch(exp, main, r1);

        assertThat(created.headRevision()).isZero();
        assertThat(created.sourceBranch()).isEqualTo("main");
        assertThat(created.sourceRevision()).isEqualTo(r1);
        assertThat(activeContents(exp, ReadPoint.HEAD)).containsExactly("a");
        assertThat(versions.listBranches(user)).extracting(Branch::name).containsExactly("main", "exp");

        Memory onBranch = store(exp, memory(user, "branch only"));
        memories.write(exp, w -> w.replace(withContent(a, "a on branch")));
        memories.write(main, w -> w.end(a.memoryId(), null));

        assertThat(activeContents(exp, ReadPoint.HEAD)).containsExactlyInAnyOrder("a on branch", "branch only");
        assertThat(activeContents(main, ReadPoint.HEAD)).containsExactly("b");
        assertThat(versions.headRevision(exp)).isEqualTo(2);
        assertThat(activeContents(exp, ReadPoint.at(0))).containsExactly("a");
        assertThat(memories.findActive(main, onBranch.memoryId(), ReadPoint.HEAD)).isEmpty();

        assertThatThrownBy(() -> versions.createBranch(exp, main, 0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("branch_exists"));
    }

    @Test
    void aBranchCanBeMadeFromABranch() {
        store("a");
        BranchRef first = new BranchRef(user, "first");
        versions.createBranch(first, main, versions.headRevision(main));
        store(first, memory(user, "b"));
        BranchRef second = new BranchRef(user, "second");
        versions.createBranch(second, first, versions.headRevision(first));

        assertThat(activeContents(second, ReadPoint.HEAD)).containsExactlyInAnyOrder("a", "b");
        assertThatThrownBy(() -> versions.createBranch(new BranchRef(user, "x"), new BranchRef(user, "nope"), 0))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void deletingABranchRemovesItAndResetsTheCheckout() {
        BranchRef exp = new BranchRef(user, "exp");
        versions.createBranch(exp, main, 0);
        store(exp, memory(user, "x"));
        versions.checkout(user, "exp");
        assertThat(versions.checkedOutBranch(user)).isEqualTo("exp");

        assertThat(versions.deleteBranch(exp)).isTrue();

        assertThat(versions.deleteBranch(exp)).isFalse();
        assertThat(versions.findBranch(exp)).isEmpty();
        assertThat(versions.checkedOutBranch(user)).isEqualTo("main");
        assertThatThrownBy(() -> versions.checkout(user, "exp")).isInstanceOf(NotFoundException.class);
        versions.createBranch(exp, main, 0);
        assertThat(activeContents(exp, ReadPoint.HEAD)).isEmpty();
        assertThatThrownBy(() -> versions.deleteBranch(main)).isInstanceOf(MemoriaException.class);
    }

    @Test
    void revisionAtMapsTimesToRevisions() throws InterruptedException {
        Instant before = Instant.now();
        Thread.sleep(3);
        store("one");
        Thread.sleep(3);
        Instant between = Instant.now();
        Thread.sleep(3);
        store("two");
        Thread.sleep(3);
        Instant after = Instant.now();

        assertThat(versions.revisionAt(main, before)).isZero();
        assertThat(versions.revisionAt(main, between)).isEqualTo(1);
        assertThat(versions.revisionAt(main, after)).isEqualTo(2);
    }

    // ---- rollback ----------------------------------------------------------------------------------------

    @Test
    void rollbackRestoresExactlyAndIsItselfUndoable() {
        Memory keep = store("keep");
        Memory edit = store("edit v1");
        Memory drop = store("drop later");
        long target = versions.headRevision(main);
        Set<String> atTarget = activeContents(main, ReadPoint.HEAD);

        store("added after");
        memories.write(main, w -> w.replace(withContent(edit, "edit v2")));
        memories.write(main, w -> w.end(drop.memoryId(), null));
        long beforeRollback = versions.headRevision(main);
        Set<String> stateBefore = activeContents(main, ReadPoint.HEAD);

        long rollbackRevision = versions.rollback(main, target);

        assertThat(rollbackRevision).isEqualTo(beforeRollback + 1);
        assertThat(versions.headRevision(main)).isEqualTo(rollbackRevision);
        assertThat(activeContents(main, ReadPoint.HEAD)).isEqualTo(atTarget);
        assertThat(memories.findActive(main, keep.memoryId(), ReadPoint.HEAD)).isPresent();
        assertThat(memories.findActive(main, drop.memoryId(), ReadPoint.HEAD).orElseThrow().supersededBy()).isNull();
        // the pre-rollback state is still readable...
        assertThat(activeContents(main, ReadPoint.at(beforeRollback))).isEqualTo(stateBefore);

        // ...and restorable
        long undo = versions.rollback(main, beforeRollback);
        assertThat(undo).isEqualTo(rollbackRevision + 1);
        assertThat(activeContents(main, ReadPoint.HEAD)).isEqualTo(stateBefore);
        assertThat(memories.findActive(main, edit.memoryId(), ReadPoint.HEAD).orElseThrow().content()).isEqualTo("edit v2");
    }

    @Test
    void rollbackToZeroEmptiesTheBranch() {
        store("a");
        store("b");
        versions.rollback(main, 0);
        assertThat(activeContents(main, ReadPoint.HEAD)).isEmpty();
        assertThatThrownBy(() -> versions.rollback(main, 99)).isInstanceOf(MemoriaException.class);
    }

    // ---- feedback, params ----------------------------------------------------------------------------------

    @Test
    void feedbackIsCountedPerMemoryInTotalAndByTier() {
        Memory t1 = store("t1");
        Memory t3 = store(main, TestMemories.with(memory(user, "t3"), MemoryType.SEMANTIC, TrustTier.T3, null, null));
        var feedback = storage.feedbackStore();
        feedback.record(new Feedback(TestMemories.nextId(), user, t1.memoryId(), FeedbackSignal.USEFUL, "ctx", null));
        feedback.record(new Feedback(TestMemories.nextId(), user, t1.memoryId(), FeedbackSignal.USEFUL, null, null));
        feedback.record(new Feedback(TestMemories.nextId(), user, t1.memoryId(), FeedbackSignal.WRONG, null, null));
        feedback.record(new Feedback(TestMemories.nextId(), user, t3.memoryId(), FeedbackSignal.OUTDATED, null, null));
        // the tier of the newest version counts
        memories.write(main, w -> w.replace(TestMemories.with(t3, MemoryType.SEMANTIC, TrustTier.T2, null, null)));
        String other = newUser();
        feedback.record(new Feedback(TestMemories.nextId(), other, t1.memoryId(), FeedbackSignal.IRRELEVANT, null, null));

        assertThat(feedback.countsByMemory(user, List.of(t1.memoryId(), t3.memoryId(), "none")))
                .containsExactlyInAnyOrderEntriesOf(Map.of(t1.memoryId(), new FeedbackCounts(2, 0, 0, 1),
                        t3.memoryId(), new FeedbackCounts(0, 0, 1, 0)));
        assertThat(feedback.totals(user)).isEqualTo(new FeedbackCounts(2, 0, 1, 1));
        assertThat(feedback.totals(newUser())).isEqualTo(FeedbackCounts.NONE);
        assertThat(feedback.byTier(user)).containsExactly(
                new TierSignalCount(TrustTier.T1, FeedbackSignal.USEFUL, 2),
                new TierSignalCount(TrustTier.T1, FeedbackSignal.WRONG, 1),
                new TierSignalCount(TrustTier.T2, FeedbackSignal.OUTDATED, 1));
    }

    @Test
    void retrievalParamsAreUpserted() {
        var params = storage.retrievalParamsStore();
        assertThat(params.find(user)).isEmpty();
        params.save(user, RetrievalParams.DEFAULTS);
        params.save(user, new RetrievalParams(0.3, 24, 0.2));
        assertThat(params.find(user)).contains(new RetrievalParams(0.3, 24, 0.2));
        assertThat(params.find(newUser())).isEmpty();
    }

    // ---- search feed -------------------------------------------------------------------------------------

    @Test
    void searchSeesWritesThroughTheIndexSource() {
        Memory cat = store(main, memory(user, "the cat sat on the mat").withEmbedding(TestMemories.vector(DIM, 1)));
        store(main, memory(user, "dogs bark loudly").withEmbedding(TestMemories.vector(DIM, 2)));
        var search = storage.memorySearch();

        List<ScoredId> keyword = search.keyword(main, ReadPoint.HEAD, "cat", MemoryFilter.ALL, 5);
        assertThat(keyword).extracting(ScoredId::memoryId).containsExactly(cat.memoryId());
        List<ScoredId> nearest = search.nearest(main, ReadPoint.HEAD, TestMemories.vector(DIM, 1), MemoryFilter.ALL, 1);
        assertThat(nearest).extracting(ScoredId::memoryId).containsExactly(cat.memoryId());

        memories.write(main, w -> w.end(cat.memoryId(), null));
        assertThat(search.keyword(main, ReadPoint.HEAD, "cat", MemoryFilter.ALL, 5)).isEmpty();
        assertThat(search.keyword(BranchRef.main(newUser()), ReadPoint.HEAD, "cat", MemoryFilter.ALL, 5)).isEmpty();
    }

    @Test
    void indexSourceReportsActiveRowsAndChangesByRevision() {
        Memory a = memory(user, "a v1").withEmbedding(TestMemories.vector(DIM, 5))
                .withExtraMetadata(Map.of("k", "v"));
        Memory b = memory(user, "b");
        memories.write(main, w -> {
            w.insert(a);
            w.insert(b);
            return null;
        });
        memories.write(main, w -> w.replace(withContent(a, "a v2")));
        memories.write(main, w -> w.end(b.memoryId(), null));
        Memory c = memory(user, "c");
        Memory transientOne = memory(user, "short-lived");
        memories.write(main, w -> {
            w.insert(c);
            return null;
        });
        memories.write(main, w -> {
            w.insert(transientOne);
            return null;
        });
        memories.write(main, w -> w.end(transientOne.memoryId(), null));
        SqlIndexSource source = storage.indexSource();

        assertThat(source.headRevision(main)).isEqualTo(6);
        assertThat(source.headRevision(BranchRef.main(newUser()))).isZero();
        List<dev.memoria.adapter.sql.index.IndexRow> atOne = new ArrayList<>();
        source.forEachActive(main, 1, atOne::add);
        assertThat(atOne).extracting(dev.memoria.adapter.sql.index.IndexRow::content)
                .containsExactlyInAnyOrder("a v1", "b");
        var rowA = atOne.stream().filter(r -> r.memoryId().equals(a.memoryId())).findFirst().orElseThrow();
        assertThat(rowA.embedding()).containsExactly(a.embedding());
        assertThat(rowA.extraMetadata()).containsEntry("k", "v");

        List<String> changes = new ArrayList<>();
        source.forEachChange(main, 1, 6, ch -> changes.add((ch.added() ? "+" : "-") + ch.row().content()));
        assertThat(changes).containsExactlyInAnyOrder("-a v1", "+a v2", "-b", "+c", "-short-lived");

        List<String> narrow = new ArrayList<>();
        source.forEachChange(main, 2, 3, ch -> narrow.add((ch.added() ? "+" : "-") + ch.row().content()));
        assertThat(narrow).containsExactly("-b");
    }

    // ---- configuration, health, concurrency --------------------------------------------------------------

    @Test
    void reopeningWithAnotherDimensionOrModelFailsFast() {
        String name = "dimcheck" + Math.abs(user.hashCode());
        SqlStorage.open(settings(name, 4, "model-a")).close();
        // same settings reopen fine
        SqlStorage.open(settings(name, 4, "model-a")).close();

        assertThatThrownBy(() -> SqlStorage.open(settings(name, 6, "model-a")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.code()).isEqualTo("embedding_dimension_mismatch");
                    assertThat(e.getMessage()).contains("4", "6", "MEMORIA_DB_NAME", "MEMORIA_DATA_DIR");
                });
        assertThatThrownBy(() -> SqlStorage.open(settings(name, 4, "model-b")))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.code()).isEqualTo("embedding_model_mismatch"));
    }

    @Test
    void healthReportsAClosedPool() {
        SqlStorage separate = SqlStorage.open(settings("contract", DIM, MODEL));
        assertThat(separate.health().isReachable()).isTrue();
        separate.close();
        assertThat(separate.health().isReachable()).isFalse();
    }

    @Test
    void concurrentWritersGetDistinctConsecutiveRevisionsAndLoseNothing() throws Exception {
        int threads = 6;
        int writesEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<Long> revisions = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < writesEach; i++) {
                        String content = "t" + thread + "-" + i;
                        revisions.add(memories.write(main, w -> {
                            w.insert(memory(user, content));
                            return w.revision();
                        }));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        int total = threads * writesEach;
        assertThat(new HashSet<>(revisions)).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, total).mapToObj(i -> (long) i).toList());
        assertThat(versions.headRevision(main)).isEqualTo(total);
        assertThat(activeContents(main, ReadPoint.HEAD)).hasSize(total);
    }

    // ---- API keys and user data ---------------------------------------------------------------------------

    private ApiKey key(String id, String owner, String hash) {
        return new ApiKey(id, owner, "laptop", hash, "sk-abcdef012", true,
                Instant.parse("2026-01-01T00:00:00Z"), null, null);
    }

    @Test
    void apiKeysAreFoundByHashAndCanBeRevokedAndRehashed() {
        ApiKeyStore keys = storage.apiKeyStore();
        String id = UUID.randomUUID().toString();
        String hash = "h" + UUID.randomUUID().toString().replace("-", "");
        keys.insert(key(id, user, hash));
        keys.insert(key(UUID.randomUUID().toString(), user, hash + "x"));

        assertThat(keys.findByHash(hash)).map(ApiKey::keyId).contains(id);
        assertThat(keys.listByUser(user)).hasSize(2);
        assertThat(keys.listByUser(newUser())).isEmpty();
        keys.touch(id, Instant.parse("2026-02-02T00:00:00Z"));
        assertThat(keys.findById(id).orElseThrow().lastUsedAt()).isEqualTo(Instant.parse("2026-02-02T00:00:00Z"));
        keys.replaceHash(id, hash + "new");
        assertThat(keys.findByHash(hash)).isEmpty();
        assertThat(keys.findByHash(hash + "new")).isPresent();
        assertThat(keys.deactivate(id)).isTrue();
        assertThat(keys.deactivate(id)).isFalse();
        assertThat(keys.findById(id).orElseThrow().active()).isFalse();
        assertThat(keys.deactivateAll(user)).isEqualTo(1);
    }

    @Test
    void erasureRemovesEveryVersionOnEveryBranchButOnlyOfThatUser() {
        Memory kept = store("kept");
        Memory erased = store("to be erased");
        versions.createSnapshot(user, "before", main, null, false);
        versions.createBranch(new BranchRef(user, "b"), main, versions.headRevision(main));
        memories.write(main, w -> w.end(erased.memoryId(), null));
        String other = newUser();
        Memory foreign = store(BranchRef.main(other), memory(other, "someone else's"));
        UserDataStore users = storage.userDataStore();

        assertThat(users.rowVersionsByBranch(user)).containsEntry("main", 2L).containsEntry("b", 2L);
        assertThat(users.eraseMemory(user, erased.memoryId())).isEqualTo(2);
        assertThat(memories.findLatestVersion(main, erased.memoryId())).isEmpty();
        Snapshot before = versions.findSnapshot(user, "before").orElseThrow();
        assertThat(activeContents(main, before.readPoint())).containsExactly("kept");
        assertThat(users.eraseMemory(user, foreign.memoryId())).isZero();

        assertThat(users.listUsers()).contains(user, other);
        users.eraseUser(user);
        assertThat(memories.findLatestVersion(main, kept.memoryId())).isEmpty();
        assertThat(versions.listSnapshots(user)).isEmpty();
        assertThat(versions.listBranches(user)).extracting(b -> b.name()).containsExactly("main");
        assertThat(memories.findActive(BranchRef.main(other), foreign.memoryId(), ReadPoint.HEAD)).isPresent();
        // the user can start again after erasure
        store("a fresh start");
        assertThat(activeContents(main, ReadPoint.HEAD)).containsExactly("a fresh start");
    }

    @Test
    void theUserDirectoryIsPagedInOrderAfterACursor() {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        store(BranchRef.main(prefix + "d"), memory(prefix + "d", "a writer"));
        store(BranchRef.main(prefix + "a"), memory(prefix + "a", "another writer"));
        storage.apiKeyStore().insert(new ApiKey(UUID.randomUUID().toString(), prefix + "c", "k",
                UUID.randomUUID().toString().replace("-", ""), "sk-abcdef012", true, Instant.now(), null, null));
        store(BranchRef.main(prefix + "b"), memory(prefix + "b", "a third writer"));
        UserDataStore users = storage.userDataStore();

        // the prefix itself sorts before every id that starts with it, and nothing else sorts between them
        assertThat(users.listUsers(prefix, 2)).containsExactly(prefix + "a", prefix + "b");
        assertThat(users.listUsers(prefix + "b", 2)).containsExactly(prefix + "c", prefix + "d");
        assertThat(users.listUsers(prefix + "d", 1000)).noneMatch(id -> id.startsWith(prefix));
        assertThat(users.listUsers(null, 3)).hasSize(3).isSorted();
        assertThat(users.totals().users()).isGreaterThanOrEqualTo(4);
        assertThat(users.totals().activeByType()).containsKey(MemoryType.SEMANTIC);
    }

    @Test
    void erasedMemoriesLeaveTheSearchIndexOfEveryInstance() {
        Memory erased = store(main, memory(user, "erase me").withEmbedding(TestMemories.vector(DIM, 1)));
        store(main, memory(user, "keep me").withEmbedding(TestMemories.vector(DIM, 2)));
        float[] query = erased.embedding();
        assertThat(storage.memorySearch().nearest(main, ReadPoint.HEAD, query, MemoryFilter.ALL, 5)).hasSize(2);

        try (SqlStorage secondInstance = SqlStorage.open(settings("contract", DIM, MODEL))) {
            assertThat(secondInstance.memorySearch().keyword(main, ReadPoint.HEAD, "erase", MemoryFilter.ALL, 5)).hasSize(1);
            storage.userDataStore().eraseMemory(user, erased.memoryId());
            assertThat(secondInstance.memorySearch().keyword(main, ReadPoint.HEAD, "erase", MemoryFilter.ALL, 5)).isEmpty();
        }
        assertThat(storage.memorySearch().nearest(main, ReadPoint.HEAD, query, MemoryFilter.ALL, 5))
                .extracting(ScoredId::memoryId).doesNotContain(erased.memoryId());
    }

    @Test
    void garbageCollectionKeepsWhatSnapshotsCanSee() {
        Memory a = store("version seen by a snapshot");
        Memory b = store("version nobody keeps");
        memories.write(main, w -> w.end(b.memoryId(), null));
        versions.createSnapshot(user, "keep", main, null, false);
        memories.write(main, w -> w.end(a.memoryId(), null));
        long head = versions.headRevision(main);

        long removed = storage.userDataStore().collectGarbage(user, "main", head);
        assertThat(removed).isEqualTo(1);
        assertThat(memories.findLatestVersion(main, b.memoryId())).isEmpty();
        Snapshot keep = versions.findSnapshot(user, "keep").orElseThrow();
        assertThat(activeContents(main, keep.readPoint())).containsExactly("version seen by a snapshot");
    }

    @Test
    void retrievalCountsAddUpPerUserAndReset() {
        var log = storage.ports().accessLog();
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        log.add(user, Map.of("m1", 2L, "m2", 1L), at);
        log.add(user, Map.of("m1", 3L), at.plusSeconds(5));
        String other = newUser();
        log.add(other, Map.of("m1", 7L), at);

        assertThat(log.total(user)).isEqualTo(6);
        assertThat(log.reset(user)).isEqualTo(2);
        assertThat(log.total(user)).isZero();
        assertThat(log.total(other)).isEqualTo(7);
    }
}
