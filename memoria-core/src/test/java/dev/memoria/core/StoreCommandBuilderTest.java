package dev.memoria.core;

import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreCommandBuilderTest {

    @Test
    void ofFillsTheDefaults() {
        StoreCommand command = StoreCommand.of(Caller.of("alice"), "prefers tea");
        assertThat(command.memoryType()).isEqualTo(MemoryType.SEMANTIC);
        assertThat(command.trustTier()).isEqualTo(TrustTier.T1);
        assertThat(command.observedAt()).isNull();
        assertThat(command.extraMetadata()).isNull();
    }

    @Test
    void theBuilderSetsEveryOptionalFieldAndValidatesOnBuild() {
        Instant when = Instant.parse("2026-01-02T03:04:05Z");
        StoreCommand command = StoreCommand.builder(Caller.of("bob"), "deploys on Fridays")
                .type(MemoryType.PROCEDURAL).trustTier(TrustTier.T2).initialConfidence(0.4)
                .session("s1").subject(" project-x ").observedAt(when).extraMetadata(Map.of("k", "v")).build();
        assertThat(command.memoryType()).isEqualTo(MemoryType.PROCEDURAL);
        assertThat(command.trustTier()).isEqualTo(TrustTier.T2);
        assertThat(command.initialConfidence()).isEqualTo(0.4);
        assertThat(command.sessionId()).isEqualTo("s1");
        assertThat(command.subjectId()).isEqualTo("project-x");
        assertThat(command.observedAt()).isEqualTo(when);
        assertThat(command.extraMetadata()).containsEntry("k", "v");

        assertThatThrownBy(() -> StoreCommand.builder(Caller.of("bob"), "x").initialConfidence(2).build())
                .isInstanceOf(InvalidInputException.class);
    }
}
