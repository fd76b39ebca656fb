package dev.memoria.adapter.sql.index;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Prints the {@link IndexBenchmark} timings. Skipped unless asked for, e.g.
 * {@code ./mvnw -pl memoria-adapter-matrixone test -Dtest=IndexBenchmarkTest -Dmemoria.bench=true}.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "memoria.bench", matches = "true")
class IndexBenchmarkTest {

    @Test
    void printTimings() {
        IndexBenchmark.main(new String[0]);
    }
}
