package dev.memoria.core;

import dev.memoria.core.testing.InMemoryStorage;
import dev.memoria.core.testing.WordHashEmbedder;
import dev.memoria.core.version.VersionLimits;
import dev.memoria.ports.error.ConflictException;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.AsOf;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.PickCommand;
import dev.memoria.ports.in.PickPreview;
import dev.memoria.ports.in.PickPreviewPage;
import dev.memoria.ports.in.PickSelector;
import dev.memoria.ports.in.PickStrategy;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cherry-picking branch changes: selectors, strategies, dry runs, targets other than main. */
class BranchPickTest {

    private final VersioningTest.MutableClock clock = new VersioningTest.MutableClock(
            Instant.parse("2026-11-01T10:00:00Z"));
    private final InMemoryStorage storage = new InMemoryStorage(clock);
    private final Memoria memoria = Memoria.builder().storage(storage.ports()).embedder(new WordHashEmbedder())
            .clock(clock).limits(new VersionLimits(5, 5, 5000)).build();
    private final Caller alice = Caller.of("alice");
    private final Caller onBranch = alice.onBranch("work");

    private Memory store(Caller caller, String content) {
        clock.advance(Duration.ofSeconds(1));
        return memoria.store(new StoreCommand(caller, content, null, null, null, null, null, null, null));
    }

    private List<String> contents(Caller caller) {
        return memoria.list(caller, MemoryFilter.ALL, PageRequest.first(100), AsOf.NOW).items().stream()
                .map(Memory::content).sorted().toList();
    }

    private static PickCommand keys(PickStrategy strategy, String... ids) {
        return new PickCommand(null, strategy, new PickSelector.KeyList(List.of(ids)));
    }

    @Test
    void keyListPicksOnlyTheNamedChangesAfterASafetySnapshot() {
        Memory base = store(alice, "office is in berlin");
        memoria.createBranch("alice", "work", null, null);
        Memory idea = store(onBranch, "new idea about caching");
        store(onBranch, "unrelated branch note");
        Memory corrected = memoria.correct(onBranch, base.memoryId(), "office is in munich");

        var result = memoria.pick("alice", "work", keys(null, idea.memoryId(), base.memoryId(), "not-a-change"));

        assertThat(result.picked()).isEqualTo(2);
        assertThat(result.skipped()).isZero();
        assertThat(result.ignored()).isEqualTo(1);
        assertThat(result.target()).isEqualTo("main");
        assertThat(result.safetySnapshot()).startsWith("pre_pick_");
        assertThat(contents(alice)).containsExactly("new idea about caching", "office is in munich");
        assertThat(memoria.get(alice, corrected.memoryId())).isPresent();
        // picking again finds the target already there: the change no longer shows in the comparison
        assertThat(memoria.pick("alice", "work", keys(null, idea.memoryId())).picked()).isZero();
    }

    @Test
    void conflictsFailBeforeWritingOrFollowSkipAndAccept() {
        Memory shared = store(alice, "deadline is march");
        memoria.createBranch("alice", "work", null, null);
        Memory added = store(onBranch, "kickoff on monday");
        memoria.correct(onBranch, shared.memoryId(), "deadline is april");
        memoria.correct(alice, shared.memoryId(), "deadline is may");

        assertThatThrownBy(() -> memoria.pick("alice", "work",
                keys(PickStrategy.FAIL, shared.memoryId(), added.memoryId())))
                .isInstanceOf(ConflictException.class).hasMessageStartingWith("Conflict: pick from branch 'work'");
        assertThat(contents(alice)).containsExactly("deadline is may");

        var skipped = memoria.pick("alice", "work", keys(PickStrategy.SKIP, shared.memoryId(), added.memoryId()));
        assertThat(skipped.picked()).isEqualTo(1);
        assertThat(skipped.skipped()).isEqualTo(1);
        assertThat(contents(alice)).containsExactly("deadline is may", "kickoff on monday");

        assertThat(memoria.pick("alice", "work", keys(PickStrategy.ACCEPT, shared.memoryId())).picked()).isEqualTo(1);
        assertThat(contents(alice)).containsExactly("deadline is april", "kickoff on monday");
    }

    @Test
    void dryRunReportsEachCandidateAndWritesNothing() {
        Memory shared = store(alice, "deadline is march");
        memoria.createBranch("alice", "work", null, null);
        Memory first = store(onBranch, "first branch idea " + "x".repeat(200));
        memoria.correct(onBranch, shared.memoryId(), "deadline is april");
        memoria.correct(alice, shared.memoryId(), "deadline is may");
        PickCommand command = keys(PickStrategy.FAIL, first.memoryId(), shared.memoryId());

        PickPreview preview = memoria.previewPick("alice", "work", command, new PickPreviewPage(1, 0, true, true));
        assertThat(preview.candidateCount()).isEqualTo(2);
        assertThat(preview.wouldApply()).isEqualTo(1);
        assertThat(preview.conflictCount()).isEqualTo(1);
        assertThat(preview.wouldAbort()).isTrue();
        assertThat(preview.hasMore()).isTrue();
        assertThat(preview.shown()).singleElement().satisfies(c -> {
            assertThat(c.memoryId()).isEqualTo(first.memoryId());
            assertThat(c.content()).hasSize(163).endsWith("...");
            assertThat(c.score()).isNull(); // key lists are not ranked
            assertThat(c.status()).isEqualTo(PickPreview.Status.WOULD_APPLY);
        });
        PickPreview second = memoria.previewPick("alice", "work", command, new PickPreviewPage(1, 1, false, true));
        assertThat(second.shown()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(PickPreview.Status.CONFLICT);
            assertThat(c.reason()).isEqualTo("conflict_fail");
            assertThat(c.content()).isNull();
        });
        assertThat(contents(alice)).containsExactly("deadline is may");
        assertThat(memoria.listSnapshots("alice")).isEmpty();
    }

    @Test
    void snapshotRangeTakesWhatChangedBetweenTwoBranchSnapshots() {
        store(alice, "base fact");
        memoria.createBranch("alice", "work", null, null);
        store(onBranch, "before the range");
        memoria.createSnapshot(onBranch, "w1", null);
        store(onBranch, "inside the range");
        memoria.createSnapshot(onBranch, "w2", null);
        store(onBranch, "after the range");

        var result = memoria.pick("alice", "work", new PickCommand("main", PickStrategy.FAIL,
                new PickSelector.SnapshotRange("w1", "w2")));
        assertThat(result.picked()).isEqualTo(1);
        assertThat(contents(alice)).containsExactly("base fact", "inside the range");

        memoria.createSnapshot(alice, "on_main", null);
        assertThatThrownBy(() -> memoria.pick("alice", "work", new PickCommand(null, null,
                new PickSelector.SnapshotRange("on_main", "w2")))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("from_snapshot");
        assertThatThrownBy(() -> memoria.pick("alice", "work", new PickCommand(null, null,
                new PickSelector.SnapshotRange("w2", "w1")))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> memoria.pick("alice", "work", new PickCommand(null, null,
                new PickSelector.SnapshotRange("w1", "nope")))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void retrieveSelectorPicksTheBestRankedChangesOnly() {
        store(alice, "kubernetes cluster runs on staging");
        memoria.createBranch("alice", "work", null, null);
        store(onBranch, "postgres database backups run nightly");
        store(onBranch, "postgres database replicas live in frankfurt");
        store(onBranch, "the cat is named miso");

        PickCommand command = new PickCommand(null, null, new PickSelector.Retrieve("postgres database", 5, 0.0));
        PickPreview preview = memoria.previewPick("alice", "work", command, PickPreviewPage.defaults());
        assertThat(preview.shown()).extracting(PickPreview.Candidate::content)
                .contains("postgres database backups run nightly", "postgres database replicas live in frankfurt");
        assertThat(preview.shown()).allSatisfy(c -> assertThat(c.score()).isNotNull());

        var top = memoria.pick("alice", "work", new PickCommand(null, null,
                new PickSelector.Retrieve("postgres database", 1, null)));
        assertThat(top.picked()).isEqualTo(1);
        assertThat(contents(alice)).hasSize(2).anyMatch(c -> c.startsWith("postgres database"));
    }

    @Test
    void picksIntoAnotherBranchAndValidatesInputs() {
        store(alice, "base fact");
        memoria.createBranch("alice", "work", null, null);
        memoria.createBranch("alice", "review", null, null);
        Memory idea = store(onBranch, "idea for review");

        var result = memoria.pick("alice", "work", new PickCommand("review", PickStrategy.FAIL,
                new PickSelector.KeyList(List.of(idea.memoryId()))));
        assertThat(result.picked()).isEqualTo(1);
        assertThat(contents(alice.onBranch("review"))).containsExactly("base fact", "idea for review");
        assertThat(contents(alice)).containsExactly("base fact");

        assertThatThrownBy(() -> memoria.pick("alice", "main", keys(null, "x"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> memoria.pick("alice", "work", new PickCommand("work", null,
                new PickSelector.KeyList(List.of("x"))))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> memoria.pick("alice", "ghost", keys(null, "x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new PickSelector.KeyList(List.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PickSelector.KeyList(List.of("a", "a"))).hasMessageContaining("unique");
        assertThatThrownBy(() -> new PickSelector.KeyList(Collections.nCopies(1001, "k")))
                .hasMessageContaining("1000");
        assertThatThrownBy(() -> new PickSelector.Retrieve("q", 0, null)).hasMessageContaining("top_k");
        assertThatThrownBy(() -> new PickSelector.Retrieve("q", 5, -0.1)).hasMessageContaining("min_score");
        assertThatThrownBy(() -> new PickPreviewPage(101, 0, true, true)).hasMessageContaining("dry_run.limit");
        assertThatThrownBy(() -> PickStrategy.parse("merge")).isInstanceOf(InvalidInputException.class);
    }
}
