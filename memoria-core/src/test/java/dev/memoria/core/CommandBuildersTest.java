package dev.memoria.core;

import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.ApplyCommand;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.ChatMessage;
import dev.memoria.ports.in.ExplainLevel;
import dev.memoria.ports.in.ObserveCommand;
import dev.memoria.ports.in.PurgeCommand;
import dev.memoria.ports.in.RetrieveQuery;
import dev.memoria.ports.model.MemoryType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The builders and factories of the commands with many fields: each sets what it says and validates like the record. */
class CommandBuildersTest {

    static final Caller ALICE = Caller.of("alice");

    @Test
    void retrieveBuilderDefaultsMatchSimpleAndSetsEveryOption() {
        assertThat(RetrieveQuery.builder(ALICE, "tea").build())
                .isEqualTo(RetrieveQuery.simple(ALICE, "tea", RetrieveQuery.Builder.DEFAULT_TOP_K));

        Instant when = Instant.parse("2026-01-02T03:04:05Z");
        RetrieveQuery query = RetrieveQuery.builder(ALICE, "tea").topK(12).onlySession("s1").subject(" p ")
                .types(Set.of(MemoryType.EPISODIC)).explain(ExplainLevel.VERBOSE).asOf(when).build();
        assertThat(query.topK()).isEqualTo(12);
        assertThat(query.sessionId()).isEqualTo("s1");
        assertThat(query.sessionOnly()).isTrue();
        assertThat(query.subjectId()).isEqualTo("p");
        assertThat(query.memoryTypes()).containsExactly(MemoryType.EPISODIC);
        assertThat(query.explain()).isEqualTo(ExplainLevel.VERBOSE);
        assertThat(query.asOf()).isEqualTo(when);
        assertThat(query.asOfSnapshot()).isNull();

        RetrieveQuery preferring = RetrieveQuery.builder(ALICE, "tea").session("s2").asOfSnapshot("before").build();
        assertThat(preferring.sessionOnly()).isFalse();
        assertThat(preferring.asOfSnapshot()).isEqualTo("before");
    }

    @Test
    void retrieveBuilderValidatesOnBuild() {
        assertThatThrownBy(() -> RetrieveQuery.builder(ALICE, "tea").asOfSnapshot("s").asOf(Instant.EPOCH).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> RetrieveQuery.builder(ALICE, "tea").onlySession(" ").build())
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void purgeFactoriesGiveExactlyOneSelector() {
        assertThat(PurgeCommand.ofIds(ALICE, List.of("m1", "m2")).memoryIds()).containsExactly("m1", "m2");
        PurgeCommand topic = PurgeCommand.ofTopic(ALICE, " old plans ");
        assertThat(topic.topic()).isEqualTo("old plans");
        assertThat(topic.memoryIds()).isEmpty();
        PurgeCommand session = PurgeCommand.ofSession(ALICE, "s1", MemoryType.WORKING);
        assertThat(session.sessionId()).isEqualTo("s1");
        assertThat(session.memoryTypes()).containsExactly(MemoryType.WORKING);
        assertThat(PurgeCommand.ofSession(ALICE, "s1").memoryTypes()).isEmpty();
        assertThatThrownBy(() -> PurgeCommand.ofTopic(ALICE, "ab")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void applyBuilderKeepsTheOrderOfEachKind() {
        ApplyCommand command = ApplyCommand.builder().add("a1").add("a2").update("old", "new").remove("r1")
                .acceptConflict("c1").build();
        assertThat(command.adds()).containsExactly("a1", "a2");
        assertThat(command.updates()).containsExactly(new ApplyCommand.Update("old", "new"));
        assertThat(command.removes()).containsExactly("r1");
        assertThat(command.acceptConflicts()).containsExactly("c1");
        assertThat(ApplyCommand.builder().build().adds()).isEmpty();
    }

    @Test
    void observeFactoryLeavesSessionAndSubjectOut() {
        ObserveCommand command = ObserveCommand.of(ALICE, List.of(new ChatMessage("user", "I moved to Lyon")));
        assertThat(command.messages()).hasSize(1);
        assertThat(command.sessionId()).isNull();
        assertThat(command.subjectId()).isNull();
    }
}
