package dev.memoria.core;

import dev.memoria.core.testing.InMemoryStorage;
import dev.memoria.core.testing.WordHashEmbedder;
import dev.memoria.core.version.VersionLimits;
import dev.memoria.ports.error.ConflictException;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.ApplyCommand;
import dev.memoria.ports.in.AsOf;
import dev.memoria.ports.in.BranchChanges;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.MergeStrategy;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VersioningTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T10:00:00Z"));
    private final InMemoryStorage storage = new InMemoryStorage(clock);
    private final Memoria memoria = Memoria.builder().storage(storage.ports()).embedder(new WordHashEmbedder())
            .clock(clock).limits(new VersionLimits(2, 2, 5000)).build();
    private final Caller alice = Caller.of("alice");

    private Memory store(Caller caller, String content) {
        clock.advance(Duration.ofSeconds(1));
        return memoria.store(new StoreCommand(caller, content, null, null, null, null, null, null, null));
    }

    private List<String> contents(Caller caller) {
        return memoria.list(caller, MemoryFilter.ALL, PageRequest.first(100), AsOf.NOW).items().stream()
                .map(Memory::content).sorted().toList();
    }

    @Test
    void snapshotCountsQuotaAndDuplicates() {
        store(alice, "one fact");
        store(alice, "two facts");
        var snapshot = memoria.createSnapshot(alice, "v1", "first");
        assertThat(snapshot.memoryCount()).isEqualTo(2);
        assertThatThrownBy(() -> memoria.createSnapshot(alice, "v1", null)).isInstanceOf(ConflictException.class);
        memoria.createSnapshot(alice, "v2", null);
        assertThatThrownBy(() -> memoria.createSnapshot(alice, "v3", null)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Snapshot limit reached (2)");
        assertThatThrownBy(() -> memoria.createSnapshot(alice, "bad name; drop", null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(memoria.snapshotDetail("alice", "v1", 1, 0).hasMore()).isTrue();
    }

    @Test
    void rollbackRestoresExactlyAndCanItselfBeUndone() {
        Memory kept = store(alice, "kept memory");
        memoria.createSnapshot(alice, "before", null);
        store(alice, "added later");
        memoria.delete(alice, kept.memoryId());

        var rollback = memoria.rollback("alice", "before");
        assertThat(contents(alice)).containsExactly("kept memory");
        assertThat(memoria.diffWithNow("alice", "before").added()).isEmpty();

        memoria.rollback("alice", rollback.safetySnapshot());
        assertThat(contents(alice)).containsExactly("added later");
        assertThatThrownBy(() -> memoria.rollback("alice", "nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void snapshotsDiffAgainstEachOtherAndNow() {
        store(alice, "alpha");
        memoria.createSnapshot(alice, "s1", null);
        store(alice, "beta");
        memoria.createSnapshot(alice, "s2", null);

        var diff = memoria.diffSnapshots("alice", "s1", "s2");
        assertThat(diff.added()).extracting(Memory::content).containsExactly("beta");
        assertThat(diff.removed()).isEmpty();
        assertThat(memoria.deleteSnapshots("alice", null, "s", null)).containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void snapshotDiffsSeeRemovalsAndCountsAndIgnoreWhatCameAfterTheNewerPoint() {
        Memory gone = store(alice, "removed between the snapshots");
        store(alice, "stays throughout");
        memoria.createSnapshot(alice, "first", null);
        memoria.delete(alice, gone.memoryId());
        store(alice, "added between the snapshots");
        memoria.createSnapshot(alice, "second", null);
        store(alice, "added after both");

        var between = memoria.diffSnapshots("alice", "first", "second");
        assertThat(between.added()).extracting(Memory::content).containsExactly("added between the snapshots");
        assertThat(between.removed()).extracting(Memory::content).containsExactly("removed between the snapshots");
        assertThat(between.olderCount()).isEqualTo(2);
        assertThat(between.newerCount()).isEqualTo(2);

        var sinceFirst = memoria.diffWithNow("alice", "first");
        assertThat(sinceFirst.added()).extracting(Memory::content)
                .containsExactlyInAnyOrder("added between the snapshots", "added after both");
        assertThat(sinceFirst.newerCount()).isEqualTo(3);
    }

    @Test
    void branchIsolatesWritesAndDiffClassifiesChanges() {
        Memory toCorrect = store(alice, "office is in berlin");
        Memory toRemove = store(alice, "uses the old vpn");
        Memory mainChanges = store(alice, "team lunch on friday");
        memoria.createBranch("alice", "experiment", null, null);
        Caller onBranch = alice.onBranch("experiment");

        store(onBranch, "new idea on the branch");
        memoria.correct(onBranch, toCorrect.memoryId(), "office is in munich");
        memoria.delete(onBranch, toRemove.memoryId());
        memoria.correct(alice, mainChanges.memoryId(), "team lunch on thursday");
        store(alice, "main only fact");

        assertThat(contents(alice)).doesNotContain("new idea on the branch");
        BranchChanges changes = memoria.diff("alice", "experiment");
        assertThat(changes.added()).extracting(Memory::content).containsExactly("new idea on the branch");
        assertThat(changes.updated()).singleElement().satisfies(u -> {
            assertThat(u.oldMemory().content()).isEqualTo("office is in berlin");
            assertThat(u.newMemory().content()).isEqualTo("office is in munich");
        });
        assertThat(changes.removed()).extracting(Memory::content).containsExactly("uses the old vpn");
        assertThat(changes.conflicts()).isEmpty();
        assertThat(changes.behindMain()).extracting(Memory::content)
                .containsExactlyInAnyOrder("team lunch on thursday", "main only fact");

        var merge = memoria.merge("alice", "experiment", MergeStrategy.ACCEPT);
        assertThat(merge.added()).isEqualTo(1);
        assertThat(merge.replaced()).isEqualTo(1);
        assertThat(merge.removed()).isEqualTo(1);
        assertThat(merge.safetySnapshot()).startsWith("pre_merge_");
        assertThat(contents(alice)).containsExactly("main only fact", "new idea on the branch", "office is in munich",
                "team lunch on thursday");
    }

    @Test
    void conflictsFollowTheStrategy() {
        Memory shared = store(alice, "deadline is march");
        memoria.createBranch("alice", "b1", null, null);
        memoria.correct(alice.onBranch("b1"), shared.memoryId(), "deadline is april");
        memoria.correct(alice, shared.memoryId(), "deadline is may");

        BranchChanges changes = memoria.diff("alice", "b1");
        assertThat(changes.conflicts()).singleElement()
                .satisfies(c -> assertThat(c.branchSide().content()).isEqualTo("deadline is april"));

        var append = memoria.merge("alice", "b1", MergeStrategy.APPEND);
        assertThat(append.skipped()).isEqualTo(1);
        assertThat(contents(alice)).containsExactly("deadline is may");

        memoria.merge("alice", "b1", MergeStrategy.ACCEPT);
        assertThat(contents(alice)).containsExactly("deadline is april");
    }

    @Test
    void applyTakesOnlyTheChosenChanges() {
        store(alice, "base fact");
        memoria.createBranch("alice", "pick", null, null);
        Memory first = store(alice.onBranch("pick"), "first branch idea");
        store(alice.onBranch("pick"), "second branch thought");

        var result = memoria.apply("alice", "pick", new ApplyCommand(List.of(first.memoryId(), "missing"), null, null, null));
        assertThat(result.appliedAdds()).containsExactly(first.memoryId());
        assertThat(result.skippedAdds()).containsExactly("missing");
        assertThat(contents(alice)).containsExactly("base fact", "first branch idea");
    }

    @Test
    void branchesFromSnapshotAndFromTimeStartAtThatState() {
        store(alice, "early fact");
        Instant afterEarly = clock.instant();
        memoria.createSnapshot(alice, "early", null);
        store(alice, "late fact");

        memoria.createBranch("alice", "from-snap", "early", null);
        memoria.createBranch("alice", "from-time", null, afterEarly);
        assertThat(contents(alice.onBranch("from-snap"))).containsExactly("early fact");
        assertThat(contents(alice.onBranch("from-time"))).containsExactly("early fact");
        assertThatThrownBy(() -> memoria.createBranch("alice", "x", "early", afterEarly))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> memoria.createBranch("alice", "third", null, null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void checkoutRoutesDefaultWritesAndDeletingReturnsToMain() {
        memoria.createBranch("alice", "work", null, null);
        assertThat(memoria.checkout("alice", "work")).isZero();
        store(alice, "written while checked out");
        assertThat(memoria.listBranches("alice")).filteredOn(b -> b.active())
                .singleElement().satisfies(b -> assertThat(b.branch().name()).isEqualTo("work"));
        assertThat(contents(alice.onBranch("main"))).isEmpty();

        memoria.deleteBranch("alice", "work");
        assertThat(memoria.listBranches("alice")).singleElement().satisfies(b -> assertThat(b.active()).isTrue());
        assertThatThrownBy(() -> memoria.deleteBranch("alice", "main")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> memoria.checkout("alice", "gone")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> memoria.createBranch("alice", "main", null, null)).isInstanceOf(ConflictException.class);
    }

    /** A clock tests move forward by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
