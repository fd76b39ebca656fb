package dev.memoria.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/branches/{name}/pick}: selectors, dry runs, conflicts and validation over HTTP. */
class PickApiTest {

    static final String MASTER = "pick-master-key-0123456789";

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
        return new ApiClient(server.port()).asMaster(MASTER, "p-" + UUID.randomUUID());
    }

    private static String store(ApiClient api, String content, String branch) {
        return api.post("/v1/memories", json(Map.of("content", content, "branch", branch))).json()
                .get("memory_id").asText();
    }

    private static List<String> mainContents(ApiClient api) {
        List<String> result = new ArrayList<>();
        api.get("/v1/memories?branch=main").json().get("items").forEach(i -> result.add(i.get("content").asText()));
        return result;
    }

    private static Map<String, Object> keys(String... ids) {
        return Map.of("type", "key_list", "keys", List.of(ids));
    }

    @Test
    void keyListPicksWithDryRunFirst() {
        ApiClient api = user();
        store(api, "shared base fact", "main");
        api.post("/v1/branches", json(Map.of("name", "feature")));
        String wanted = store(api, "wanted branch idea", "feature");
        store(api, "unwanted branch idea", "feature");

        JsonNode preview = api.post("/v1/branches/feature/pick", json(Map.of("selector", keys(wanted, "nope"),
                "dry_run", Map.of("limit", 5, "include_scores", false)))).json();
        assertThat(preview.get("dry_run").asBoolean()).isTrue();
        assertThat(preview.get("result").asText()).startsWith("Previewed 1 change(s) from branch 'feature' into 'main'");
        assertThat(preview.get("strategy").asText()).isEqualTo("fail");
        assertThat(preview.get("selector").get("type").asText()).isEqualTo("key_list");
        assertThat(preview.get("summary").get("candidate_count").asInt()).isEqualTo(1);
        assertThat(preview.get("summary").get("would_apply").asInt()).isEqualTo(1);
        assertThat(preview.get("summary").get("would_abort").asBoolean()).isFalse();
        assertThat(preview.get("page").get("has_more").asBoolean()).isFalse();
        JsonNode candidate = preview.get("candidates").get(0);
        assertThat(candidate.get("memory_id").asText()).isEqualTo(wanted);
        assertThat(candidate.get("content_preview").asText()).isEqualTo("wanted branch idea");
        assertThat(candidate.has("score")).isFalse();
        assertThat(candidate.has("embedding")).isFalse();
        assertThat(candidate.get("status").asText()).isEqualTo("would_apply");
        assertThat(candidate.get("reason").asText()).isEqualTo("new_or_updated_row");
        assertThat(mainContents(api)).containsExactly("shared base fact");

        JsonNode picked = api.post("/v1/branches/feature/pick", json(Map.of("selector", keys(wanted, "nope")))).json();
        assertThat(picked.get("result").asText())
                .isEqualTo("Picked 1 change(s) from branch 'feature' into 'main' (0 skipped, 1 ignored)");
        assertThat(picked.get("safety_snapshot").asText()).startsWith("pre_pick_");
        assertThat(mainContents(api)).containsExactlyInAnyOrder("shared base fact", "wanted branch idea");
    }

    @Test
    void conflictsAreRefusedUnderFailAndResolvedUnderAccept() {
        ApiClient api = user();
        String shared = store(api, "deadline is march", "main");
        api.post("/v1/branches", json(Map.of("name", "plan")));
        api.put("/v1/memories/" + shared + "/correct", json(Map.of("new_content", "deadline is april",
                "branch", "plan")));
        api.put("/v1/memories/" + shared + "/correct", json(Map.of("new_content", "deadline is may")));

        ApiClient.Response refused = api.post("/v1/branches/plan/pick", json(Map.of("selector", keys(shared))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).startsWith("Conflict: pick from branch 'plan'");
        assertThat(mainContents(api)).containsExactly("deadline is may");

        JsonNode skipped = api.post("/v1/branches/plan/pick", json(Map.of("strategy", "skip",
                "selector", keys(shared)))).json();
        assertThat(skipped.get("result").asText())
                .isEqualTo("Picked 0 change(s) from branch 'plan' into 'main' (1 skipped)");

        JsonNode accepted = api.post("/v1/branches/plan/pick", json(Map.of("strategy", "accept", "target", "main",
                "selector", keys(shared)))).json();
        assertThat(accepted.get("picked").asInt()).isEqualTo(1);
        assertThat(mainContents(api)).containsExactly("deadline is april");
    }

    @Test
    void snapshotRangeAndRetrieveSelectors() {
        ApiClient api = user();
        store(api, "base", "main");
        api.post("/v1/branches", json(Map.of("name", "work")));
        api.post("/v1/branches/work/checkout", "{}");
        store(api, "before range", "work");
        api.post("/v1/snapshots", json(Map.of("name", "w1")));
        store(api, "postgres backups run nightly", "work");
        api.post("/v1/snapshots", json(Map.of("name", "w2")));
        store(api, "postgres replicas live in frankfurt", "work");
        api.post("/v1/branches/main/checkout", "{}");

        JsonNode range = api.post("/v1/branches/work/pick", json(Map.of("selector", Map.of("type", "snapshot_range",
                "from_snapshot", "w1", "to_snapshot", "w2")))).json();
        assertThat(range.get("picked").asInt()).isEqualTo(1);
        assertThat(mainContents(api)).containsExactlyInAnyOrder("base", "postgres backups run nightly");

        JsonNode preview = api.post("/v1/branches/work/pick", json(Map.of("selector", Map.of("type", "retrieve",
                "query", "postgres replicas", "top_k", 1), "dry_run", Map.of()))).json();
        assertThat(preview.get("candidates")).hasSize(1);
        assertThat(preview.get("candidates").get(0).get("content_preview").asText())
                .isEqualTo("postgres replicas live in frankfurt");
        assertThat(preview.get("candidates").get(0).has("score")).isTrue();
        assertThat(preview.get("candidates").get(0).has("embedding")).isFalse();
    }

    @Test
    void validationErrorsAre422AndNameTheField() {
        ApiClient api = user();
        api.post("/v1/branches", json(Map.of("name", "v")));
        assertThat(api.post("/v1/branches/v/pick", "{}").status()).isEqualTo(422);
        assertThat(detail(api, Map.of("selector", Map.of("type", "retrieve", "query", "q", "top_k", 0))))
                .contains("top_k");
        assertThat(detail(api, Map.of("selector", Map.of("type", "retrieve", "query", "q", "min_score", -1))))
                .contains("min_score");
        assertThat(detail(api, Map.of("selector", keys("a"), "dry_run", Map.of("limit", 500))))
                .contains("dry_run.limit");
        assertThat(detail(api, Map.of("selector", keys("a", "a")))).contains("unique");
        assertThat(detail(api, Map.of("selector", keys(" ")))).contains("blank");
        assertThat(detail(api, Map.of("selector", Map.of("type", "everything")))).contains("everything");
        assertThat(detail(api, Map.of("selector", keys("a"), "strategy", "merge"))).contains("merge");
        assertThat(api.post("/v1/branches/ghost/pick", json(Map.of("selector", keys("a")))).status()).isEqualTo(404);
        assertThat(api.post("/v1/branches/main/pick", json(Map.of("selector", keys("a")))).status()).isEqualTo(422);
    }

    private static String detail(ApiClient api, Map<String, Object> body) {
        ApiClient.Response response = api.post("/v1/branches/v/pick", json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        return response.json().get("detail").asText();
    }
}
