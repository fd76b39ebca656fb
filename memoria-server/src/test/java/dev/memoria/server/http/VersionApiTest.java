package dev.memoria.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Snapshots and branches over HTTP against the embedded database (keyword-only, so it starts fast). */
class VersionApiTest {

    static final String MASTER = "version-master-key-0123456789";

    @TempDir
    static Path dataDir;
    static MemoriaServer server;

    @BeforeAll
    static void start() {
        server = TestServers.keywordOnly(dataDir, MASTER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient user() {
        return new ApiClient(server.port()).asMaster(MASTER, "v-" + UUID.randomUUID());
    }

    private static String store(ApiClient api, String content) {
        return api.post("/v1/memories", json(Map.of("content", content))).json().get("memory_id").asText();
    }

    private static List<String> contents(ApiClient api, String query) {
        JsonNode items = api.get("/v1/memories" + query).json().get("items");
        List<String> result = new java.util.ArrayList<>();
        items.forEach(i -> result.add(i.get("content").asText()));
        return result;
    }

    @Test
    void snapshotLifecycleWithUndoableRollback() {
        ApiClient api = user();
        store(api, "first fact");
        ApiClient.Response created = api.post("/v1/snapshots", json(Map.of("name", "v1", "description", "start")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("memory_count").asInt()).isEqualTo(1);
        assertThat(created.json().get("result").asText()).startsWith("Snapshot 'v1' created at");
        assertThat(api.post("/v1/snapshots", json(Map.of("name", "v1"))).status()).isEqualTo(409);
        assertThat(api.post("/v1/snapshots", json(Map.of("name", "../etc"))).status()).isEqualTo(422);

        store(api, "second fact");
        JsonNode diff = api.get("/v1/snapshots/v1/diff").json();
        assertThat(diff.get("added")).hasSize(1);
        assertThat(diff.get("snapshot_count").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/snapshots/v1").json().get("by_type").get("semantic").asInt()).isEqualTo(1);

        JsonNode rollback = api.post("/v1/snapshots/v1/rollback", "{}").json();
        assertThat(rollback.get("result").asText()).isEqualTo("Rolled back to snapshot 'v1'");
        assertThat(contents(api, "")).containsExactly("first fact");
        String safety = rollback.get("safety_snapshot").asText();
        api.post("/v1/snapshots/" + safety + "/rollback", "{}");
        assertThat(contents(api, "")).containsExactlyInAnyOrder("first fact", "second fact");

        JsonNode list = api.get("/v1/snapshots").json();
        assertThat(list.get("total").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(api.get("/v1/snapshots/nope").status()).isEqualTo(404);
        assertThat(api.delete("/v1/snapshots/v1").status()).isEqualTo(204);
        assertThat(api.get("/v1/snapshots/v1").status()).isEqualTo(404);
        assertThat(api.post("/v1/snapshots/delete", json(Map.of("prefix", "pre_"))).json().get("deleted").asInt())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void retrieveAndListAsOfASnapshot() {
        ApiClient api = user();
        String id = store(api, "the office is in Berlin");
        api.post("/v1/snapshots", json(Map.of("name", "before")));
        api.put("/v1/memories/" + id + "/correct", json(Map.of("new_content", "the office is in Munich")));

        assertThat(contents(api, "?as_of_snapshot=before")).containsExactly("the office is in Berlin");
        JsonNode then = api.post("/v1/memories/retrieve", json(Map.of("query", "office", "as_of_snapshot", "before")))
                .json();
        assertThat(then.get(0).get("content").asText()).isEqualTo("the office is in Berlin");
        JsonNode now = api.post("/v1/memories/retrieve", json(Map.of("query", "office"))).json();
        assertThat(now.get(0).get("content").asText()).isEqualTo("the office is in Munich");
    }

    @Test
    void branchLifecycle() {
        ApiClient api = user();
        store(api, "shared base fact");
        ApiClient.Response created = api.post("/v1/branches", json(Map.of("name", "feature")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("result").asText()).isEqualTo("Created branch 'feature'");
        assertThat(api.post("/v1/branches", json(Map.of("name", "feature"))).status()).isEqualTo(409);
        assertThat(api.post("/v1/branches", json(Map.of("name", "bad name!"))).status()).isEqualTo(422);
        assertThat(api.post("/v1/branches", json(Map.of("name", "x", "from_snapshot", "missing"))).status())
                .isEqualTo(404);

        JsonNode checkout = api.post("/v1/branches/feature/checkout", "{}").json();
        assertThat(checkout.get("result").asText()).isEqualTo("Switched to branch 'feature'. 1 memories on this branch.");
        store(api, "branch only idea");
        assertThat(contents(api, "?branch=main")).containsExactly("shared base fact");

        JsonNode branches = api.get("/v1/branches").json();
        assertThat(branches.get("branches").get(0).get("name").asText()).isEqualTo("main");
        assertThat(branches.get("result").asText()).contains("feature ← active");

        JsonNode items = api.get("/v1/branches/feature/diff-items").json();
        assertThat(items.get("added")).hasSize(1);
        assertThat(api.get("/v1/branches/feature/diff").json().get("result").asText()).contains("[new]");

        JsonNode merge = api.post("/v1/branches/feature/merge", "{}").json();
        assertThat(merge.get("result").asText()).isEqualTo("Merged branch 'feature' into main (1 new, 0 replaced, 0 skipped)");
        assertThat(merge.get("safety_snapshot").asText()).startsWith("pre_merge_");
        assertThat(contents(api, "?branch=main")).containsExactlyInAnyOrder("shared base fact", "branch only idea");
        assertThat(api.post("/v1/branches/feature/merge", json(Map.of("strategy", "yolo"))).status()).isEqualTo(422);

        assertThat(api.delete("/v1/branches/feature").status()).isEqualTo(204);
        assertThat(api.get("/v1/branches").json().get("branches")).hasSize(1);
        assertThat(api.delete("/v1/branches/main").status()).isEqualTo(422);
        assertThat(api.post("/v1/branches/feature/checkout", "{}").status()).isEqualTo(404);
    }

    @Test
    void branchFromTimestampStartsAtThatState() throws InterruptedException {
        ApiClient api = user();
        store(api, "before the cut");
        Thread.sleep(20);
        String cut = java.time.Instant.now().toString();
        Thread.sleep(20);
        store(api, "after the cut");
        assertThat(api.post("/v1/branches", json(Map.of("name", "past", "from_timestamp", cut))).status()).isEqualTo(201);
        assertThat(contents(api, "?branch=past")).containsExactly("before the cut");
        assertThat(api.post("/v1/branches", json(Map.of("name", "p2", "from_timestamp", "yesterday"))).status())
                .isEqualTo(422);
    }
}
