package dev.memoria.it.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadOptionsTest {

    @Test
    void parsesTheDocumentedFlags() {
        LoadOptions options = LoadOptions.parse(new String[] {"--url", "http://h:1", "--token", "k", "--users", "3",
                "--seed", "10000", "--workload", "retrieve", "--concurrency=8", "--duration", "2m"});

        assertThat(options.mode()).isEqualTo(LoadOptions.Mode.LOAD);
        assertThat(options.workload()).isEqualTo(Workload.RETRIEVE);
        assertThat(options.concurrency()).isEqualTo(8);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.userIds()).containsExactly("perf-10000-0", "perf-10000-1", "perf-10000-2");
    }

    @Test
    void rejectsUnknownFlags() {
        assertThatThrownBy(() -> LoadOptions.parse(new String[] {"--token", "k", "--sead", "1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sead");
    }

    @Test
    void readsDurations() {
        assertThat(LoadOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LoadOptions.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoadOptions.duration("45")).isEqualTo(Duration.ofSeconds(45));
    }
}
