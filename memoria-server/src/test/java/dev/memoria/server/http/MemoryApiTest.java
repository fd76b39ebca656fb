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

/** The memory API end to end: a real server on a random port, the embedded database, the local model. */
class MemoryApiTest {

    static final String MASTER = "test-master-key-0123456789";

    @TempDir
    static Path dataDir;
    static MemoriaServer server;
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        server = TestServers.start(dataDir, MASTER, Map.of());
        anonymous = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ApiClient user() {
        return anonymous.asMaster(MASTER, "u-" + UUID.randomUUID());
    }

    private static String store(ApiClient api, String content) {
        ApiClient.Response response = api.post("/v1/memories", json(Map.of("content", content)));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("memory_id").asText();
    }

    @Test
    void healthEndpoints() {
        assertThat(anonymous.get("/health").body()).isEqualTo("ok");
        ApiClient.Response instance = anonymous.get("/health/instance");
        assertThat(instance.status()).isEqualTo(200);
        assertThat(instance.json().get("db").asBoolean()).isTrue();
        assertThat(instance.json().get("instance_id").asText()).isEqualTo(server.instanceId());
    }

    @Test
    void storedMemoryIsRetrievedByMeaningAlone() {
        ApiClient api = user();
        store(api, "My daughter's birthday party is on the 14th of June");
        store(api, "The production database runs PostgreSQL 16");
        store(api, "I usually commute to work by bicycle");

        JsonNode results = api.post("/v1/memories/retrieve", json(Map.of("query", "When is the kid's celebration?",
                "top_k", 1))).json();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("content").asText()).contains("birthday party");
        assertThat(results.get(0).get("retrieval_score").asDouble()).isPositive();
    }

    @Test
    void storeReturnsTheMemoryShapeClientsParse() {
        ApiClient api = user();
        JsonNode memory = api.post("/v1/memories", json(Map.of("content", "prefers tabs", "memory_type", "procedural",
                "trust_tier", "T3", "session_id", "s1", "subject_id", " bob ",
                "extra_metadata", Map.of("source", "chat")))).json();

        assertThat(memory.get("memory_id").asText()).matches("[0-9a-f]{32}");
        assertThat(memory.get("memory_type").asText()).isEqualTo("procedural");
        assertThat(memory.get("trust_tier").asText()).isEqualTo("T3");
        assertThat(memory.get("initial_confidence").asDouble()).isEqualTo(0.65);
        assertThat(memory.get("subject_id").asText()).isEqualTo("bob");
        assertThat(memory.get("session_id").asText()).isEqualTo("s1");
        assertThat(memory.get("is_active").asBoolean()).isTrue();
        assertThat(memory.get("extra_metadata").get("source").asText()).isEqualTo("chat");
        assertThat(memory.get("observed_at").asText()).endsWith("+00:00");
        assertThat(memory.has("author_id")).isFalse();
    }

    @Test
    void authenticationIsRequiredAndNeverAnonymousAdmin() {
        ApiClient.Response missing = anonymous.post("/v1/memories", json(Map.of("content", "x")));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.json().get("detail").asText()).isEqualTo("Missing Bearer token");

        ApiClient.Response wrong = anonymous.with("Authorization", "Bearer not-the-key-at-all")
                .get("/v1/memories");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asText()).isEqualTo("invalid_token");
    }

    @Test
    void badInputGetsClearClientErrors() {
        ApiClient api = user();
        assertThat(api.postRaw("/v1/memories", "application/json", "{not json".getBytes()).status()).isEqualTo(400);
        assertThat(api.postRaw("/v1/memories", "text/plain", "{}".getBytes()).status()).isEqualTo(415);
        assertThat(api.postRaw("/v1/memories", null, "{}".getBytes()).status()).isEqualTo(415);
        assertThat(api.post("/v1/memories", "[]").status()).isEqualTo(422);
        assertThat(api.post("/v1/memories", "{}").json().get("detail").asText()).isEqualTo("missing field `content`");
        assertThat(api.post("/v1/memories", json(Map.of("content", 5))).status()).isEqualTo(422);
        ApiClient.Response badType = api.post("/v1/memories", json(Map.of("content", "x", "memory_type", "fact")));
        assertThat(badType.status()).isEqualTo(422);
        assertThat(badType.json().get("detail").asText()).isEqualTo("Invalid memory type: fact");
        assertThat(api.post("/v1/memories", json(Map.of("content", "x", "trust_tier", "T9"))).status()).isEqualTo(422);
        assertThat(api.post("/v1/memories", json(Map.of("content", "x", "observed_at", "yesterday"))).status())
                .isEqualTo(422);
        assertThat(api.post("/v1/memories", json(Map.of("content", "x".repeat(40_000)))).status()).isEqualTo(422);
        assertThat(api.postRaw("/v1/memories", "application/json", new byte[3 * 1024 * 1024]).status()).isEqualTo(413);
        assertThat(api.post("/v1/memories", "{\"content\": \"a\", \"content\": \"b\"}").status()).isEqualTo(400);
        assertThat(api.post("/v1/memories", "{\"content\": \"x\", \"initial_confidence\": 1e999999}").status())
                .isBetween(400, 422);
        ApiClient.Response route = api.get("/v1/nothing-here");
        assertThat(route.status()).isEqualTo(404);
        assertThat(route.json().get("code").asText()).isEqualTo("route_not_found");
        assertThat(api.get("/v1/memories?limit=abc").status()).isEqualTo(400);
        assertThat(api.get("/v1/memories").json().get("items")).isEmpty();
    }

    @Test
    void sensitiveContentIsBlockedOrRedacted() {
        ApiClient api = user();
        ApiClient.Response blocked = api.post("/v1/memories", json(Map.of("content", "key AKIAIOSFODNN7EXAMPLE")));
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().get("detail").asText()).contains("aws_key");
        JsonNode redacted = api.post("/v1/memories", json(Map.of("content", "write to jo@example.org"))).json();
        assertThat(redacted.get("content").asText()).isEqualTo("write to [email]");
    }

    /** Through an API key; the master key reads any user's memory by id (audited, see OperationsApiTest). */
    @Test
    void missingAndForeignMemoriesLookTheSame() {
        ApiClient alice = user();
        String bobKey = anonymous.asMaster(MASTER, "default").post("/auth/keys",
                json(Map.of("user_id", "bob-" + UUID.randomUUID(), "name", "k"))).json().get("raw_key").asText();
        ApiClient bob = anonymous.with("Authorization", "Bearer " + bobKey);
        String id = store(alice, "alice's secret plan");

        ApiClient.Response foreign = bob.get("/v1/memories/" + id);
        ApiClient.Response missing = bob.get("/v1/memories/" + "0".repeat(32));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(bob.delete("/v1/memories/" + id).status()).isEqualTo(404);
        assertThat(bob.put("/v1/memories/" + id + "/correct", json(Map.of("new_content", "mine"))).status())
                .isEqualTo(404);
        assertThat(bob.post("/v1/memories/retrieve", json(Map.of("query", "secret plan"))).json()).isEmpty();
        assertThat(alice.get("/v1/memories/" + id).status()).isEqualTo(200);
    }

    @Test
    void correctDeleteAndHistory() {
        ApiClient api = user();
        String id = store(api, "I live in Berlin");
        JsonNode corrected = api.put("/v1/memories/" + id + "/correct", json(Map.of("new_content", "I live in Munich")))
                .json();
        assertThat(corrected.get("trust_tier").asText()).isEqualTo("T2");
        String newId = corrected.get("memory_id").asText();

        JsonNode history = api.get("/v1/memories/" + id + "/history").json();
        assertThat(history.get("total").asInt()).isEqualTo(2);
        assertThat(history.get("versions").get(0).get("superseded_by").asText()).isEqualTo(newId);
        assertThat(history.get("versions").get(0).get("is_active").asBoolean()).isFalse();

        ApiClient.Response deleted = api.delete("/v1/memories/" + newId);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.headers().get("x-memoria-safety-snapshot")).startsWith("pre_delete_");
        assertThat(api.get("/v1/memories/" + newId).status()).isEqualTo(404);
        assertThat(api.get("/v1/memories/" + newId + "/history").status()).isEqualTo(200);
    }

    @Test
    void correctByQuery() {
        ApiClient api = user();
        store(api, "My favourite colour is blue");
        JsonNode corrected = api.post("/v1/memories/correct", json(Map.of("query", "favourite colour",
                "new_content", "My favourite colour is green"))).json();
        assertThat(corrected.get("content").asText()).isEqualTo("My favourite colour is green");
        assertThat(user().post("/v1/memories/correct", json(Map.of("query", "anything", "new_content", "x"))).status())
                .isEqualTo(404);
    }

    @Test
    void batchListAndCursorPaging() {
        ApiClient api = user();
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            items.add(Map.of("content", "batch fact number " + i + " on topic " + (char) ('k' + i)));
        }
        ApiClient.Response batch = api.post("/v1/memories/batch", json(Map.of("memories", items)));
        assertThat(batch.status()).isEqualTo(201);
        assertThat(batch.json()).hasSize(5);

        JsonNode first = api.get("/v1/memories?limit=3").json();
        assertThat(first.get("items")).hasSize(3);
        String cursor = first.get("next_cursor").asText();
        JsonNode second = api.get("/v1/memories?limit=3&cursor=" + cursor).json();
        assertThat(second.get("items")).hasSize(2);
        assertThat(second.get("next_cursor").isNull()).isTrue();

        assertThat(api.post("/v1/memories/batch", json(Map.of("memories", java.util.Collections.nCopies(101,
                Map.of("content", "x"))))).status()).isEqualTo(422);
    }

    @Test
    void purgeByTopicReportsTheSafetySnapshot() {
        ApiClient api = user();
        store(api, "Project Falcon kickoff is Monday");
        store(api, "Lunch was pasta");
        JsonNode purge = api.post("/v1/memories/purge", json(Map.of("topic", "project falcon"))).json();
        assertThat(purge.get("purged").asInt()).isEqualTo(1);
        assertThat(purge.get("safety_snapshot").asText()).startsWith("pre_purge_");
        assertThat(api.get("/v1/memories").json().get("items")).hasSize(1);
        assertThat(api.post("/v1/memories/purge", json(Map.of("topic", "ab"))).status()).isEqualTo(422);
        assertThat(api.post("/v1/memories/purge", "{}").json().get("purged").asInt()).isZero();
    }

    @Test
    void structuredQueryAndFulltext() {
        ApiClient api = user();
        api.post("/v1/memories", json(Map.of("content", "deploy with helm", "extra_metadata", Map.of("team", "ops", "n", 2))));
        api.post("/v1/memories", json(Map.of("content", "deploy with kubectl", "extra_metadata", Map.of("team", "dev"))));

        JsonNode query = api.post("/v1/memories/query", json(Map.of("extra_metadata_filter", Map.of("team", "ops"))))
                .json();
        assertThat(query.get("items")).hasSize(1);
        assertThat(api.post("/v1/memories/query", json(Map.of("extra_metadata_filter", Map.of("n", "2")))).json()
                .get("items")).isEmpty();
        assertThat(api.post("/v1/memories/query", "{}").status()).isEqualTo(422);
        assertThat(api.post("/v1/memories/query", json(Map.of("bogus", 1))).status()).isEqualTo(422);

        JsonNode fulltext = api.post("/v1/memories/fulltext-search", json(Map.of("query", "helm"))).json();
        assertThat(fulltext).hasSize(1);
        assertThat(fulltext.get(0).get("content").asText()).isEqualTo("deploy with helm");
        assertThat(api.post("/v1/memories/fulltext-search", json(Map.of("query", "!!!"))).status()).isEqualTo(422);
    }

    @Test
    void feedbackStatsAndRetrievalParams() {
        ApiClient api = user();
        String id = store(api, "use pnpm for installs");
        ApiClient.Response feedback = api.post("/v1/memories/" + id + "/feedback", json(Map.of("signal", "useful")));
        assertThat(feedback.status()).isEqualTo(201);
        assertThat(api.post("/v1/memories/" + id + "/feedback", json(Map.of("signal", "great"))).status()).isEqualTo(422);
        assertThat(api.get("/v1/feedback/stats").json().get("useful").asInt()).isEqualTo(1);
        assertThat(api.get("/v1/feedback/by-tier").json().get("breakdown").get(0).get("tier").asText()).isEqualTo("T1");

        assertThat(api.get("/v1/retrieval-params").json().get("feedback_weight").asDouble()).isEqualTo(0.1);
        JsonNode updated = api.put("/v1/retrieval-params", json(Map.of("feedback_weight", 3))).json();
        assertThat(updated.get("feedback_weight").asDouble()).isEqualTo(0.5);
        assertThat(api.post("/v1/retrieval-params/tune", "{}").json().get("tuned").asBoolean()).isFalse();
    }

    @Test
    void observeAndProfile() {
        ApiClient api = user();
        JsonNode observed = api.post("/v1/observe", json(Map.of("messages", List.of(
                Map.of("role", "user", "content", "I am vegetarian"),
                Map.of("role", "assistant", "content", "Got it, no meat"))))).json();
        assertThat(observed.get("memories")).hasSize(2);
        assertThat(observed.get("warning").asText()).contains("LLM not configured");

        api.post("/v1/memories", json(Map.of("content", "Name: Dana", "memory_type", "profile")));
        JsonNode profile = api.get("/v1/profiles/me").json();
        assertThat(profile.get("profile").asText()).isEqualTo("Name: Dana");
        assertThat(profile.get("stats").get("total").asInt()).isEqualTo(3);
    }

    @Test
    void explainShowsTheRetrievalPath() {
        ApiClient api = user();
        store(api, "The staging cluster is in eu-west-1");
        JsonNode response = api.post("/v1/memories/search", json(Map.of("query", "where is staging",
                "explain", "verbose"))).json();
        assertThat(response.get("explain").get("path").asText()).isEqualTo("hybrid");
        assertThat(response.get("explain").get("candidate_scores")).isNotEmpty();
        List<String> fields = new ArrayList<>();
        response.get("explain").fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("level", "path", "vector_attempted", "vector_hit", "fulltext_attempted",
                "fulltext_hit", "graph_attempted", "graph_hit", "graph_candidates", "result_count", "embedding_ms",
                "vector_ms", "fulltext_ms", "graph_ms", "total_ms", "candidate_scores");
        assertThat(api.post("/v1/memories/retrieve", "{\"query\":\"x\",\"explain\":null}").status()).isEqualTo(422);
        assertThat(api.post("/v1/memories/retrieve", json(Map.of("query", "x", "session_scope", "only"))).status())
                .isEqualTo(422);
    }

    @Test
    void unknownBranchIsNotFound() {
        ApiClient.Response response = user().post("/v1/memories", json(Map.of("content", "x", "branch", "nope")));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("branch_not_found");
    }
}
