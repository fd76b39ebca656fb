package dev.memoria.core;

import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.UnavailableException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.InputTimestamp;
import dev.memoria.ports.in.LlmMode;
import dev.memoria.ports.in.PurgeCommand;
import dev.memoria.ports.model.MemoryFilter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one set of input rules every entry point (REST, MCP, library) shares. */
class InputRulesTest {

    static final Instant TEN = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void timestampsAcceptRfc3339TheSpaceFormAndADateTrimmed() {
        for (String text : List.of("2025-01-01 10:00:00", " 2025-01-01 10:00:00\n", "2025-01-01T10:00:00",
                "2025-01-01T10:00:00Z", "2025-01-01 12:00:00+02:00", "2025-01-01t10:00:00z")) {
            assertThat(InputTimestamp.parse("as_of", text)).as(text).isEqualTo(TEN);
        }
        assertThat(InputTimestamp.parse("older_than", "2025-01-01")).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(InputTimestamp.parse("older_than", "  ")).isNull();
        assertThat(InputTimestamp.parse("older_than", null)).isNull();
        for (String text : List.of("yesterday", "2025-13-01", "2025-01-01 25:00:00", "1735725600", "2025-01-01  10:00")) {
            assertThatThrownBy(() -> InputTimestamp.parse("from_timestamp", text)).as(text)
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("from_timestamp must be");
        }
    }

    @Test
    void llmModesAreTrimmedAndInternalNeedsAModel() {
        assertThat(LlmMode.parse(null)).isEqualTo(LlmMode.AUTO);
        assertThat(LlmMode.parse(" candidates ")).isEqualTo(LlmMode.CANDIDATES);
        assertThatThrownBy(() -> LlmMode.parse("CANDIDATES")).isInstanceOf(InvalidInputException.class);
        assertThat(LlmMode.AUTO.usesModel(true)).isTrue();
        assertThat(LlmMode.AUTO.usesModel(false)).isFalse();
        assertThat(LlmMode.CANDIDATES.usesModel(true)).isFalse();
        assertThatThrownBy(() -> LlmMode.INTERNAL.usesModel(false)).isInstanceOf(UnavailableException.class);
        assertThat(LlmMode.names()).containsExactly("auto", "candidates", "internal");
    }

    @Test
    void purgeTakesExactlyOneSelector() {
        Caller caller = new Caller("u", null);
        assertThat(new PurgeCommand(caller, List.of(), null, null, null).isEmpty()).isTrue();
        assertThatThrownBy(() -> new PurgeCommand(caller, List.of("a"), "topic", null, null))
                .hasMessage("Provide only one of memory_id(s), topic, or session_id");
        assertThatThrownBy(() -> new PurgeCommand(caller, List.of(), "topic", "s", null))
                .hasMessage("Provide only one of memory_id(s), topic, or session_id");
    }

    @Test
    void metadataFiltersHaveTheirLimitsWhoeverBuildsThem() {
        Map<String, Object> seventeen = new HashMap<>();
        for (int i = 0; i < 17; i++) {
            seventeen.put("k" + i, i);
        }
        assertThatThrownBy(() -> MemoryFilter.ALL.withMetadataEquals(seventeen)).hasMessageContaining("16 fields");
        assertThatThrownBy(() -> MemoryFilter.ALL.withMetadataEquals(Map.of("1bad", "x")))
                .hasMessageContaining("keys must match");
        assertThatThrownBy(() -> MemoryFilter.ALL.withMetadataEquals(Map.of("k", List.of())))
                .hasMessageContaining("strings, numbers or booleans");
        assertThatThrownBy(() -> MemoryFilter.ALL.withMetadataEquals(Map.of("k", "é".repeat(513))))
                .hasMessageContaining("1024 bytes");
        assertThat(MemoryFilter.ALL.withMetadataEquals(Map.of("team", "ops", "n", 2, "on", true)).metadataEquals())
                .hasSize(3);
    }
}
