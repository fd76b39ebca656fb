package dev.memoria.it.load;

import dev.memoria.server.MemoriaServer;
import dev.memoria.server.config.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator works end to end against a real server: it seeds, runs a mixed workload and counts
 * outcomes. Deliberately no timing assertions: numbers depend on the machine and belong in docs/PERFORMANCE.md.
 */
class LoadGeneratorTest {

    static final String MASTER = "load-test-master-key-0123456789";

    @TempDir
    static Path dataDir;
    static MemoriaServer server;

    @BeforeAll
    static void start() {
        server = MemoriaServer.start(ServerConfig.load(Map.of("memoria.port", 0, "memoria.data-dir",
                dataDir.toString(), "memoria.master-key", MASTER)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void seedsThenRunsAMixedWorkloadWithoutErrors() {
        MemoriaClient client = new MemoriaClient("http://127.0.0.1:" + server.port(), MASTER);
        List<String> users = List.of("load-test-user");

        Seeder.SeedReport seeded = new Seeder(client, 42).seed(users, 50, 2);
        LoadRunner runner = new LoadRunner(client, users, 42);
        LoadReport report = runner.run(Workload.MIXED, 2, Duration.ZERO, Duration.ofSeconds(2));

        assertThat(seeded.memories()).isEqualTo(50);
        assertThat(report.totalErrors()).as("%s", runner.errorSamples()).isZero();
        assertThat(report.totalSuccesses()).isPositive();
        assertThat(report.stats()).containsKey(Operation.RETRIEVE);
    }

    @Test
    void versioningProbeLeavesNoSnapshotsOrBranchesBehind() {
        MemoriaClient client = new MemoriaClient("http://127.0.0.1:" + server.port(), MASTER);
        String user = "versioning-test-user";
        new Seeder(client, 7).seed(List.of(user), 20, 1);

        Map<String, OperationStats> stats = new VersioningProbe(client, 7).run(user, 2);

        assertThat(stats.values()).allSatisfy(s -> assertThat(s.successes()).isEqualTo(2));
        assertThat(client.get(user, "/v1/snapshots").body()).doesNotContain("perf-snap-");
        assertThat(client.get(user, "/v1/branches").body()).doesNotContain("perf-branch-");
    }
}
