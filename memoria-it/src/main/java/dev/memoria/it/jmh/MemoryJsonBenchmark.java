package dev.memoria.it.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.server.ObjectMappers;
import dev.memoria.server.http.MemoryJson;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The wire mapping every memory returned by the API goes through: MemoryJson.of, then Jackson. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MemoryJsonBenchmark {

    private final ObjectMapper mapper = ObjectMappers.create();
    private final Memory memory = new Memory("0193a6f1-6c1e-7d2a-9a51-3f1d2c4b5a69", "alice", MemoryType.SEMANTIC,
            "My daughter's birthday party is on the 14th of June in the community hall", TrustTier.T2, 0.85,
            "session-42", "daughter", "alice", Map.of("source", "chat", "turn", 17),
            Instant.parse("2025-06-01T10:15:30.123456Z"), Instant.parse("2025-06-01T10:15:31.654321Z"), null, true,
            RandomEmbedder.unitVector(7));

    @Benchmark
    public String mapAndWrite() throws JsonProcessingException {
        return mapper.writeValueAsString(MemoryJson.of(memory, 0.8731));
    }
}
