package dev.memoria.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import dev.memoria.server.http.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser: a real server on a random port with its own data directory, seeded over REST,
 * then {@code src/test/e2e/console.e2e.mjs} driving headless Chromium through playwright-core. Without Node, the
 * installed npm package or Chromium the test is skipped — unless {@code MEMORIA_REQUIRE_UI_E2E=1} (CI), where a
 * missing piece is a failure, so that CI cannot pass by skipping.
 */
class ConsoleE2ETest {

    static final String MASTER = "console-e2e-master-key-0123456789";
    static final Path E2E_DIR = Path.of("src", "test", "e2e").toAbsolutePath();
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("MEMORIA_CHROMIUM", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots").toAbsolutePath();

    @TempDir
    static Path dataDir;
    static MemoriaServer server;

    @BeforeAll
    static void start() {
        requireOrSkip(Files.isDirectory(E2E_DIR.resolve("node_modules/playwright-core")),
                "playwright-core is not installed: run npm ci in " + E2E_DIR);
        requireOrSkip(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM);
        requireOrSkip(nodeRuns(), "node is not on the PATH");
        // the local embedding model, so that the explain breakdown has vector scores as in production
        server = TestServers.start(dataDir, MASTER, Map.of());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void requireOrSkip(boolean present, String missing) {
        if ("1".equals(System.getenv("MEMORIA_REQUIRE_UI_E2E")) && !present) {
            fail("MEMORIA_REQUIRE_UI_E2E=1 but " + missing);
        }
        assumeTrue(present, missing);
    }

    private static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return node.waitFor(20, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void theConsoleWorksInABrowser() throws Exception {
        ApiClient master = new ApiClient(server.port()).with("Authorization", "Bearer " + MASTER);
        ApiClient alice = master.with("X-User-Id", "alice");
        String aliceKey = seedAlice(master, alice);
        String bobMemory = store(master.with("X-User-Id", "bob"), "Bob keeps his bike in the garage", "semantic");

        Path log = SCREENSHOTS.resolve("console.e2e.log");
        Files.createDirectories(SCREENSHOTS);
        ProcessBuilder script = new ProcessBuilder("node", "console.e2e.mjs").directory(E2E_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        script.environment().putAll(Map.of("CONSOLE_URL", "http://127.0.0.1:" + server.port(), "ALICE_KEY", aliceKey,
                "MASTER_KEY", MASTER, "BOB_MEMORY_ID", bobMemory, "SCREENSHOT_DIR", SCREENSHOTS.toString(),
                "CHROMIUM", CHROMIUM.toString()));
        Process run = script.start();
        boolean finished = run.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(finished).as("console script finished in time\n" + output).isTrue();
        assertThat(run.exitValue()).as("console script\n" + output).isZero();
        assertThat(output).contains("all console steps passed");

        // the rollback the browser confirmed really happened: main is back at the baseline snapshot
        JsonNode sinceBaseline = alice.get("/v1/snapshots/baseline/diff").json();
        assertThat(sinceBaseline.get("added")).isEmpty();
        assertThat(sinceBaseline.get("removed")).isEmpty();
        assertThat(SCREENSHOTS.resolve("time.png")).exists();
    }

    /**
     * Two snapshots with a store, a correction and a delete between them; a branch that is merged back; and one
     * more memory after that, so that "now" differs from both snapshots.
     */
    private static String seedAlice(ApiClient master, ApiClient alice) {
        String key = master.post("/auth/keys", json(Map.of("user_id", "alice", "name", "e2e"))).json()
                .get("raw_key").asText();
        store(alice, "Alice prefers dark mode in every editor", "profile");
        store(alice, "The team deploys on Fridays after the standup", "procedural");
        store(alice, "Alice's daughter has her birthday party on the 14th of June", "episodic");
        String database = store(alice, "Project Atlas stores its data in PostgreSQL 16", "semantic");
        String tea = store(alice, "Alice drinks green tea every morning", "semantic");
        created(alice.post("/v1/snapshots", json(Map.of("name", "baseline", "description", "before the review"))));

        store(alice, "Alice is learning the cello", "semantic");
        expect(alice.put("/v1/memories/" + database + "/correct",
                json(Map.of("new_content", "Project Atlas stores its data in PostgreSQL 17"))), 200);
        expect(alice.delete("/v1/memories/" + tea), 204);
        created(alice.post("/v1/snapshots", json(Map.of("name", "after-review"))));

        created(alice.post("/v1/branches", json(Map.of("name", "experiment"))));
        expect(alice.post("/v1/branches/experiment/checkout", "{}"), 200);
        store(alice, "Trying out a standing desk for a week", "working");
        created(alice.post("/v1/snapshots", json(Map.of("name", "desk-trial"))));
        expect(alice.post("/v1/branches/main/checkout", "{}"), 200);
        expect(alice.post("/v1/branches/experiment/merge", json(Map.of("strategy", "append"))), 200);
        store(alice, "Alice's next review is planned for September", "semantic");
        return key;
    }

    private static String store(ApiClient api, String content, String type) {
        ApiClient.Response response = api.post("/v1/memories", json(Map.of("content", content, "memory_type", type,
                "session_id", "e2e")));
        created(response);
        return response.json().get("memory_id").asText();
    }

    private static void created(ApiClient.Response response) {
        expect(response, 201);
    }

    private static void expect(ApiClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
