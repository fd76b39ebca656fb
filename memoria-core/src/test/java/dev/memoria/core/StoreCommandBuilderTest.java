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

    @Test
    void anObservationTimeOutsideWhatDatabasesStoreIsRefused() {
        for (String time : new String[]{"+999999999-12-31T23:59:59Z", "-000001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z"}) {
            assertThatThrownBy(() -> StoreCommand.builder(Caller.of("bob"), "x").observedAt(Instant.parse(time)).build())
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("observed_at");
        }
        assertThat(StoreCommand.builder(Caller.of("bob"), "x").observedAt(StoreCommand.LATEST_OBSERVED).build()
                .observedAt()).isEqualTo(StoreCommand.LATEST_OBSERVED);
    }

    @Test
    void contentWithALoneSurrogateIsRefusedAndPairsAreKept() {
        assertThatThrownBy(() -> StoreCommand.of(Caller.of("bob"), "broken \uD83D here"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("surrogate");
        assertThatThrownBy(() -> StoreCommand.of(Caller.of("bob"), "\uDE00 first"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(StoreCommand.of(Caller.of("bob"), "emoji \uD83D\uDE00 kept").content()).contains("\uD83D\uDE00");
    }
}
