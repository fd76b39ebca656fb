package dev.memoria.core;

import dev.memoria.core.testing.InMemoryStorage;
import dev.memoria.core.testing.WordHashEmbedder;
import dev.memoria.ports.error.ForbiddenException;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.AsOf;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.ChatMessage;
import dev.memoria.ports.in.ExplainLevel;
import dev.memoria.ports.in.ObserveCommand;
import dev.memoria.ports.in.PurgeCommand;
import dev.memoria.ports.in.RetrievalParamsUpdate;
import dev.memoria.ports.in.RetrievalResult;
import dev.memoria.ports.in.RetrieveQuery;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.FeedbackSignal;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.TrustTier;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoriaTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStorage storage = new InMemoryStorage(clock);
    private final Memoria memoria = Memoria.builder().storage(storage.ports()).embedder(new WordHashEmbedder())
            .clock(clock).build();
    /** The same storage without an embedder: keyword retrieval, with association on for every query. */
    private final Memoria keywordOnly = Memoria.builder().storage(storage.ports()).clock(clock).build();
    private final Caller alice = Caller.of("alice");
    private final Caller bob = Caller.of("bob");

    private Memory store(Caller caller, String content) {
        return memoria.store(command(caller, content, null));
    }

    private static StoreCommand command(Caller caller, String content, Map<String, Object> metadata) {
        return new StoreCommand(caller, content, null, null, null, null, null, null, metadata);
    }

    private List<String> retrieve(Caller caller, String query) {
        return retrieve(caller, query, 5);
    }

    /** Stores each text for alice through the facade without an embedder (keyword ranking, association on). */
    private void storeWithoutEmbedder(String... contents) {
        for (String content : contents) {
            keywordOnly.store(command(alice, content, null));
        }
    }

    private List<String> retrieveWithoutEmbedder(String query, int topK) {
        return keywordOnly.retrieve(RetrieveQuery.simple(alice, query, topK)).memories().stream()
                .map(s -> s.memory().content()).toList();
    }

    private List<String> retrieve(Caller caller, String query, int topK) {
        return memoria.retrieve(RetrieveQuery.simple(caller, query, topK)).memories().stream()
                .map(s -> s.memory().content()).toList();
    }

    @Test
    void storedMemoryIsRetrievedByMeaningWithoutSharedKeywords() {
        store(alice, "I like coffee in the morning");
        store(alice, "The deployment runs on Kubernetes");

        assertThat(retrieve(alice, "favourite beverage").get(0)).isEqualTo("I like coffee in the morning");
    }

    @Test
    void aQuestionAboutThePresentPrefersTheNewerOfTwoConflictingMemories() {
        Instant now = clock.instant();
        memoria.store(new StoreCommand(alice, "We use GraphQL for the user profile service API", null, null, null,
                null, null, now.minus(java.time.Duration.ofDays(30)), null));
        memoria.store(new StoreCommand(alice, "We stopped using GraphQL for the user profile service API", null,
                null, null, null, null, now.minus(java.time.Duration.ofDays(1)), null));

        assertThat(retrieve(alice, "Do we use GraphQL for the user profile service API?").get(0))
                .startsWith("We use GraphQL");
        assertThat(retrieve(alice, "Do we still use GraphQL for the user profile service API?").get(0))
                .startsWith("We stopped using GraphQL");
    }

    @Test
    void unrelatedMemoriesDoNotFillUpTheResults() {
        store(alice, "I like coffee in the morning");
        store(alice, "Coffee beans come from Ethiopia");
        store(alice, "The build uses Maven with the wrapper");

        assertThat(retrieve(alice, "morning coffee")).containsExactly("I like coffee in the morning",
                "Coffee beans come from Ethiopia");
    }

    @Test
    void nearDuplicatesLeaveRoomForADifferentRelevantMemory() {
        store(alice, "deploy the billing service with kubectl apply on the production cluster");
        store(alice, "deploy billing service: kubectl apply on production cluster, then watch the rollout");
        store(alice, "deploy the billing service only on Tuesday and Thursday mornings");

        List<String> top2 = retrieve(alice, "how do we deploy the billing service", 2);
        assertThat(top2).hasSize(2).contains("deploy the billing service only on Tuesday and Thursday mornings");
    }

    @Test
    void associationFollowsAPhraseTheBestResultSharesWithANoteTheQueryDoesNotMatch() {
        // no embedder: vectors cannot rank, so association runs; these notes share no Latin name, only a phrase
        storeWithoutEmbedder("经验 总结 连接池 是 性能 瓶颈",
                "周二 发现 连接池 耗尽",
                "周四 团建 密室 逃脱");

        assertThat(retrieveWithoutEmbedder("沉淀 了 什么 经验", 5))
                .containsExactly("经验 总结 连接池 是 性能 瓶颈", "周二 发现 连接池 耗尽");
    }

    @Test
    void storeAppliesDefaultsAndAssignsTimeOrderedIds() {
        Memory first = store(alice, "first");
        Memory second = store(alice, "second");

        assertThat(first.memoryType()).isEqualTo(MemoryType.SEMANTIC);
        assertThat(first.trustTier()).isEqualTo(TrustTier.T1);
        assertThat(first.initialConfidence()).isEqualTo(0.95);
        assertThat(first.memoryId()).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(second.memoryId()).isGreaterThan(first.memoryId());
    }

    @Test
    void identicalContentReturnsTheExistingMemoryAndReplacesMetadataWhenGiven() {
        Memory original = store(alice, "uses vim keybindings");
        Memory again = memoria.store(command(alice, "uses vim keybindings ", Map.of("source", "chat")));

        assertThat(again.memoryId()).isEqualTo(original.memoryId());
        assertThat(again.extraMetadata()).containsEntry("source", "chat");
        assertThat(memoria.get(alice, original.memoryId()).orElseThrow().extraMetadata()).containsEntry("source", "chat");
        assertThat(storage.versionCount(BranchRef.main("alice"), original.memoryId())).isEqualTo(2);
    }

    @Test
    void nearIdenticalContentSupersedesTheOldMemory() {
        Memory original = store(alice, "prefers vim editor for code");
        Memory newer = store(alice, "prefers ide editor for code");

        assertThat(newer.memoryId()).isNotEqualTo(original.memoryId());
        assertThat(memoria.get(alice, original.memoryId())).isEmpty();
        assertThat(memoria.history(alice, newer.memoryId()).versions()).extracting(Memory::memoryId)
                .containsExactly(original.memoryId(), newer.memoryId());
    }

    @Test
    void highRiskSecretsAreBlockedAndPersonalDataRedacted() {
        assertThatThrownBy(() -> store(alice, "my key is AKIAABCDEFGHIJKLMNOP"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Memory blocked: contains sensitive content (aws_key)");
        assertThatThrownBy(() -> store(alice, "password = hunter2")).isInstanceOf(ForbiddenException.class);

        Memory redacted = store(alice, "mail me at bob@example.com or call 555-867-5309, ssn 123-45-6789");
        assertThat(redacted.content()).isEqualTo("mail me at [email] or call [phone], ssn [ssn]");
        assertThat(memoria.list(alice, MemoryFilter.ALL, PageRequest.first(10), AsOf.NOW).items()).hasSize(1);
    }

    @Test
    void invalidCommandsAreRejectedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> store(alice, "")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> store(alice, "x".repeat(32 * 1024 + 1))).isInstanceOf(InvalidInputException.class)
                .hasMessage("content exceeds 32 KiB limit");
        assertThatThrownBy(() -> MemoryType.parse("fact")).hasMessage("Invalid memory type: fact");
        assertThatThrownBy(() -> memoria.storeBatch(alice, java.util.Collections.nCopies(101, command(alice, "x", null))))
                .isInstanceOf(InvalidInputException.class);
        assertThat(memoria.list(alice, MemoryFilter.ALL, PageRequest.first(10), AsOf.NOW).items()).isEmpty();
    }

    @Test
    void usersNeverSeeEachOthersMemories() {
        Memory secret = store(alice, "alice drinks coffee");

        assertThat(retrieve(bob, "coffee")).isEmpty();
        assertThat(memoria.get(bob, secret.memoryId())).isEmpty();
        assertThatThrownBy(() -> memoria.delete(bob, secret.memoryId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> memoria.correct(bob, secret.memoryId(), "changed")).isInstanceOf(NotFoundException.class);
        assertThat(memoria.get(alice, secret.memoryId())).isPresent();
    }

    @Test
    void correctionWritesANewT2MemoryAndEndsTheOldOne() {
        Memory original = store(alice, "lives in Berlin");
        Memory corrected = memoria.correct(alice, original.memoryId(), "lives in Munich");

        assertThat(corrected.trustTier()).isEqualTo(TrustTier.T2);
        assertThat(corrected.memoryId()).isNotEqualTo(original.memoryId());
        assertThat(memoria.get(alice, original.memoryId())).isEmpty();
        var history = memoria.history(alice, original.memoryId()).versions();
        assertThat(history).extracting(Memory::content).containsExactly("lives in Berlin", "lives in Munich");
        assertThat(history.get(0).supersededBy()).isEqualTo(corrected.memoryId());
        assertThat(history.get(0).active()).isFalse();
    }

    @Test
    void correctByQueryCorrectsTheBestMatchOrSaysNothingMatched() {
        store(alice, "favourite colour is blue");
        Memory corrected = memoria.correctByQuery(RetrieveQuery.simple(alice, "colour", 1), "favourite colour is green");
        assertThat(corrected.content()).isEqualTo("favourite colour is green");

        assertThatThrownBy(() -> memoria.correctByQuery(RetrieveQuery.simple(bob, "colour", 1), "x"))
                .isInstanceOf(NotFoundException.class).hasMessage("No matching memory found");
    }

    @Test
    void deleteIsSoftAndUndoableThroughTheSafetySnapshot() {
        Memory memory = store(alice, "temporary note");
        String snapshot = memoria.delete(alice, memory.memoryId());

        assertThat(memoria.get(alice, memory.memoryId())).isEmpty();
        assertThat(memoria.history(alice, memory.memoryId()).versions()).hasSize(1);
        var safety = storage.findSnapshot("alice", snapshot).orElseThrow();
        assertThat(safety.safety()).isTrue();
        assertThat(memoria.list(alice, MemoryFilter.ALL, PageRequest.first(10), new AsOf(snapshot, null)).items())
                .extracting(Memory::memoryId).containsExactly(memory.memoryId());
    }

    @Test
    void purgeByIdsTopicAndSession() {
        Memory a = store(alice, "project alpha kickoff");
        Memory b = store(alice, "project beta planning");
        memoria.store(new StoreCommand(alice, "session note one", MemoryType.WORKING, null, null, "s1", null, null, null));
        memoria.store(new StoreCommand(alice, "session fact two", MemoryType.SEMANTIC, null, null, "s1", null, null, null));

        assertThat(memoria.purge(new PurgeCommand(alice, List.of(a.memoryId()), null, null, null)).purged()).isEqualTo(1);
        var byTopic = memoria.purge(new PurgeCommand(alice, null, "BETA plan", null, null));
        assertThat(byTopic.purged()).isEqualTo(1);
        assertThat(byTopic.safetySnapshot()).startsWith("pre_purge_");
        assertThat(memoria.purge(new PurgeCommand(alice, null, null, "s1", Set.of(MemoryType.WORKING))).purged()).isEqualTo(1);
        assertThat(memoria.list(alice, MemoryFilter.ALL, PageRequest.first(10), AsOf.NOW).items())
                .extracting(Memory::content).containsExactly("session fact two");
        assertThat(memoria.purge(new PurgeCommand(alice, null, null, null, null)).purged()).isZero();
        assertThatThrownBy(() -> new PurgeCommand(alice, List.of(b.memoryId()), "topic", null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> memoria.purge(new PurgeCommand(alice, List.of(b.memoryId()), null, null, null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void retrievalFiltersBySessionSubjectAndType() {
        memoria.store(new StoreCommand(alice, "coffee in session one", null, null, null, "s1", null, null, null));
        memoria.store(new StoreCommand(alice, "coffee in session two", null, null, null, "s2", null, null, null));
        memoria.store(new StoreCommand(alice, "coffee unscoped profile", MemoryType.PROFILE, null, null, null, "bob", null, null));

        var onlyS1 = memoria.retrieve(new RetrieveQuery(alice, "coffee", 10, "s1", true, null, Set.of(),
                ExplainLevel.NONE, null, null)).memories();
        assertThat(onlyS1).extracting(s -> s.memory().content())
                .containsExactlyInAnyOrder("coffee in session one", "coffee unscoped profile");
        var profiles = memoria.retrieve(new RetrieveQuery(alice, "coffee", 10, null, false, null,
                Set.of(MemoryType.PROFILE), ExplainLevel.NONE, null, null)).memories();
        assertThat(profiles).hasSize(1);
        var subject = memoria.retrieve(new RetrieveQuery(alice, "coffee", 10, null, false, "bob", Set.of(),
                ExplainLevel.NONE, null, null)).memories();
        assertThat(subject).extracting(s -> s.memory().subjectId()).containsExactly("bob");
    }

    @Test
    void retrievalWorksWithoutAnEmbedder() {
        storeWithoutEmbedder("the build uses maven");

        RetrievalResult result = keywordOnly.retrieve(new RetrieveQuery(alice, "maven", 5, null, false, null, Set.of(),
                ExplainLevel.VERBOSE, null, null));
        assertThat(result.memories()).hasSize(1);
        assertThat(result.explain().path()).isEqualTo("fulltext");
        assertThat(result.explain().vectorAttempted()).isFalse();
        assertThat(result.explain().candidateScores()).hasSize(1);
        assertThat(keywordOnly.hasEmbedder()).isFalse();
    }

    @Test
    void explainReportsHybridPathAndCandidateScores() {
        store(alice, "likes coffee");
        RetrievalResult result = memoria.retrieve(new RetrieveQuery(alice, "coffee", 5, null, false, null, Set.of(),
                ExplainLevel.VERBOSE, null, null));

        assertThat(result.explain().path()).isEqualTo("hybrid");
        assertThat(result.explain().vectorHit()).isTrue();
        assertThat(result.explain().candidateScores().get(0).vectorScore()).isGreaterThan(0.5);
        assertThat(memoria.retrieve(RetrieveQuery.simple(alice, "coffee", 5)).explain().candidateScores()).isEmpty();
        assertThat(result.explain().graphAttempted()).as("English query, vectors trusted").isFalse();
    }

    @Test
    void forAQuestionAboutThePresentTheNoteWithTheLatestOwnDateWins() {
        // stored at the same instant, the older note last: only the dates they open with tell which is current
        store(alice, "2025-06: the queue is Kafka");
        store(alice, "2024-03: the queue is RabbitMQ");

        assertThat(retrieve(alice, "which queue do we use now?", 1)).containsExactly("2025-06: the queue is Kafka");
    }

    @Test
    void whenTheQuestionNamesNothingTheNameTheBestResultsShareLeadsToItsOtherNotes() {
        storeWithoutEmbedder("redis 缓存 容量 查询",
                "redis 存储 session 容量",
                "redis 内存 容量 扩容",
                "redis 实现 限流",
                "mongodb 存储 日志");

        assertThat(retrieveWithoutEmbedder("内存 存储 缓存 容量", 4)).contains("redis 实现 限流")
                .doesNotContain("mongodb 存储 日志");
    }

    @Test
    void associationFollowsAFrameworkToTheImageOfItsRuntimeByTheRuntimesShortName() {
        storeWithoutEmbedder("新项目 前端 选用 Next.js",
                "Next.js 要求 Node.js 以上 版本",
                "镜像 统一 使用 node:18-alpine",
                "后端 部署 在 ECS",
                "周会 改到 周四");

        assertThat(retrieveWithoutEmbedder("新项目 前端 部署 注意", 3))
                .containsExactlyInAnyOrder("新项目 前端 选用 Next.js", "Next.js 要求 Node.js 以上 版本",
                        "镜像 统一 使用 node:18-alpine");
    }

    @Test
    void aWeakBestResultThatTheBestOneLeadsToPassesOnWhatItIsWorthOnceReached() {
        storeWithoutEmbedder("新项目 前端 选型 Alpha-Kit",
                "后端 选型 注意 ECS",
                "Alpha-Kit 依赖 Beta-Lib 注意",
                "Beta-Lib 有 已知 漏洞");

        // "Alpha-Kit 依赖 Beta-Lib" is among the best results on its own merit (one word), and the best result
        // reaches it at once: the vulnerability it leads to outranks the back-end note
        assertThat(retrieveWithoutEmbedder("新项目 前端 选型 注意", 3)).contains("Beta-Lib 有 已知 漏洞")
                .doesNotContain("后端 选型 注意 ECS");
    }

    @Test
    void explainReportsTheAssociationStageWhenVectorsCannotRank() {
        // without an embedder nothing can be trusted to vectors, so association runs
        storeWithoutEmbedder("Priya 维护 image-resizer 组件", "image-resizer 调用 libvips 8.14",
                "libvips 8.14 处理 大图 内存 泄漏");

        RetrievalResult result = keywordOnly.retrieve(new RetrieveQuery(alice, "Priya 维护的组件", 5, null, false,
                null, Set.of(), ExplainLevel.ANALYZE, null, null));

        assertThat(result.explain().graphAttempted()).isTrue();
        assertThat(result.explain().graphHit()).isTrue();
        assertThat(result.explain().graphCandidates()).isPositive();
        assertThat(result.explain().graphMs()).isPositive();
        assertThat(result.memories()).extracting(s -> s.memory().content())
                .contains("libvips 8.14 处理 大图 内存 泄漏");
    }

    @Test
    void feedbackRaisesAMemorysRank() {
        Memory first = store(alice, "tea at noon");
        Memory second = store(alice, "tea at night");
        String topBefore = memoria.retrieve(RetrieveQuery.simple(alice, "tea", 2)).memories().get(0).memory().memoryId();
        Memory other = topBefore.equals(first.memoryId()) ? second : first;

        for (int i = 0; i < 3; i++) {
            memoria.feedback(alice, other.memoryId(), FeedbackSignal.USEFUL, null);
        }

        assertThat(memoria.retrieve(RetrieveQuery.simple(alice, "tea", 2)).memories().get(0).memory().memoryId())
                .isEqualTo(other.memoryId());
        assertThat(memoria.stats("alice").useful()).isEqualTo(3);
        assertThat(memoria.byTier("alice")).singleElement()
                .satisfies(t -> assertThat(t.count()).isEqualTo(3));
        assertThatThrownBy(() -> memoria.feedback(bob, other.memoryId(), FeedbackSignal.WRONG, null))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void retrievalParamsAreClampedAndTunedFromFeedback() {
        assertThat(memoria.params("alice").feedbackWeight()).isEqualTo(0.1);
        var updated = memoria.update("alice", new RetrievalParamsUpdate(9.0, null, -1.0));
        assertThat(updated.feedbackWeight()).isEqualTo(0.5);
        assertThat(updated.confidenceWeight()).isZero();
        assertThat(updated.temporalDecayHours()).isEqualTo(168.0);

        assertThat(memoria.tune("alice").tuned()).isFalse();
        Memory m = store(alice, "something useful");
        for (int i = 0; i < 10; i++) {
            memoria.feedback(alice, m.memoryId(), FeedbackSignal.USEFUL, null);
        }
        var tuned = memoria.tune("alice");
        assertThat(tuned.tuned()).isTrue();
        assertThat(tuned.newParams().feedbackWeight()).isEqualTo(0.2);
    }

    @Test
    void observeWithoutLlmStoresUserAndAssistantMessages() {
        var result = memoria.observe(new ObserveCommand(alice, List.of(
                new ChatMessage("user", "I moved to Lisbon"),
                new ChatMessage("system", "ignored"),
                new ChatMessage("assistant", "Noted, Lisbon it is"),
                new ChatMessage("user", "my password: hunter2"),
                new ChatMessage("user", "  ")), "s9", null));

        assertThat(result.memories()).extracting(Memory::content).containsExactly("I moved to Lisbon", "Noted, Lisbon it is");
        assertThat(result.memories().get(0).initialConfidence()).isEqualTo(0.7);
        assertThat(result.memories().get(1).observedAt()).isAfter(result.memories().get(0).observedAt());
        assertThat(result.warning()).contains("LLM not configured");
    }

    @Test
    void listPagesNewestFirstWithACursor() {
        for (int i = 0; i < 5; i++) {
            store(alice, "note number " + i + " about topic " + (char) ('a' + i));
        }
        var first = memoria.list(alice, MemoryFilter.ALL, PageRequest.first(2), AsOf.NOW);
        var second = memoria.list(alice, MemoryFilter.ALL, new PageRequest(first.nextCursor(), 2), AsOf.NOW);
        var third = memoria.list(alice, MemoryFilter.ALL, new PageRequest(second.nextCursor(), 2), AsOf.NOW);

        assertThat(first.items()).hasSize(2);
        assertThat(first.items().get(0).memoryId()).isGreaterThan(first.items().get(1).memoryId());
        assertThat(second.items().get(0).memoryId()).isLessThan(first.items().get(1).memoryId());
        assertThat(third.items()).hasSize(1);
        assertThat(third.nextCursor()).isNull();
    }

    @Test
    void profileJoinsProfileMemoriesAndCountsByType() {
        memoria.store(new StoreCommand(alice, "name is Alice", MemoryType.PROFILE, null, null, null, null, null, null));
        store(alice, "likes chess");

        var profile = memoria.profile(alice, null);
        assertThat(profile.profile()).isEqualTo("name is Alice");
        assertThat(profile.stats().total()).isEqualTo(2);
        assertThat(profile.stats().byType()).containsEntry(MemoryType.PROFILE, 1L);
    }

    @Test
    void unknownExplicitBranchIsNotFound() {
        assertThatThrownBy(() -> memoria.store(command(alice.onBranch("nope"), "x", null)))
                .isInstanceOf(NotFoundException.class).hasMessage("Branch 'nope' not found");
    }

    @Test
    void retrieveAsOfASnapshotAnswersAsMemoryStoodThen() {
        Memory old = store(alice, "the office is in Berlin");
        storage.createSnapshot("alice", "before_move", BranchRef.main("alice"), null, false);
        memoria.correct(alice, old.memoryId(), "the office is in Munich");

        var now = memoria.retrieve(RetrieveQuery.simple(alice, "office", 5)).memories();
        var then = memoria.retrieve(new RetrieveQuery(alice, "office", 5, null, false, null, Set.of(), ExplainLevel.NONE,
                "before_move", null)).memories();
        assertThat(now).extracting(s -> s.memory().content()).containsExactly("the office is in Munich");
        assertThat(then).extracting(s -> s.memory().content()).containsExactly("the office is in Berlin");
        assertThat(storage.findActive(BranchRef.main("alice"), old.memoryId(), ReadPoint.at(1))).isPresent();
    }

    @Test
    void retrievalsAreCountedOffThePathAndCanBeReset() {
        store(alice, "counted fact about tea");
        memoria.retrieve(RetrieveQuery.simple(alice, "tea", 5));
        memoria.retrieve(RetrieveQuery.simple(alice, "tea", 5));

        assertThat(memoria.userOverview("alice").retrievals()).isEqualTo(2);
        assertThat(memoria.resetAccessCounts("alice")).isEqualTo(1);
        assertThat(memoria.userOverview("alice").retrievals()).isZero();
    }
}
