package dev.memoria.server.governance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.http.ApiClient;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Governance, cooldowns, entities, session summaries and tasks over HTTP, on a server without an LLM. */
class GovernanceApiTest {

    static final String MASTER = "governance-master-key-0123456789";

    @TempDir
    static Path dataDir;
    static MemoriaServer server;
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        server = TestServers.keywordOnly(dataDir, MASTER, Map.of("memoria.rate-limit-auth-keys", "100000,60"));
        anonymous = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ApiClient as(String user) {
        return anonymous.asMaster(MASTER, user);
    }

    static String store(ApiClient client, String content, String type, String tier, Instant observedAt) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("content", content);
        body.put("memory_type", type);
        body.put("trust_tier", tier);
        body.put("observed_at", observedAt.toString());
        ApiClient.Response created = client.post("/v1/memories", json(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("memory_id").asText();
    }

    static List<String> retrievedContents(ApiClient client, String query) {
        JsonNode result = client.post("/v1/memories/retrieve", json(Map.of("query", query, "top_k", 10))).json();
        JsonNode items = result.isArray() ? result : result.path("memories").isArray() ? result.get("memories")
                : result.path("results");
        List<String> contents = new ArrayList<>();
        items.forEach(m -> contents.add(m.path("content").asText()));
        return contents;
    }

    @Test
    void adminTriggerQuarantinesDecayedMemoriesRecoverably() {
        String user = "gov-" + UUID.randomUUID();
        ApiClient alice = as(user);
        Instant now = Instant.now();
        // T4 half-life 30 d, confidence 0.4: after 60 days 0.4·e^-2 ≈ 0.05 < 0.2
        String decayed = store(alice, "Data retention policy 2024: customer data kept 30 days", "semantic", "T4",
                now.minus(Duration.ofDays(60)));
        String fresh = store(alice, "Data retention policy 2025: customer data kept 90 days", "semantic", "T1", now);
        String working = store(alice, "scratch: currently editing retention doc", "working", "T1",
                now.minus(Duration.ofHours(30)));

        // what the benchmark sends: an empty body and no content type
        ApiClient.Response triggered = as(user).postRaw("/admin/governance/" + user + "/trigger?op=governance", null,
                new byte[0]);
        assertThat(triggered.status()).as(triggered.body()).isEqualTo(200);
        JsonNode report = triggered.json();
        assertThat(report.get("op").asText()).isEqualTo("governance");
        assertThat(report.get("user_id").asText()).isEqualTo(user);
        assertThat(report.get("quarantined").asLong()).isEqualTo(1);
        assertThat(report.get("archived_working").asLong()).isEqualTo(1);
        assertThat(report.get("safety_snapshots")).isNotEmpty();

        assertThat(alice.get("/v1/memories/" + decayed).status()).isEqualTo(404);
        assertThat(alice.get("/v1/memories/" + working).status()).isEqualTo(404);
        assertThat(alice.get("/v1/memories/" + fresh).status()).isEqualTo(200);
        assertThat(retrievedContents(alice, "data retention policy customer data"))
                .anyMatch(c -> c.contains("90 days")).noneMatch(c -> c.contains("30 days"));

        // soft, not hard: rolling back to the safety snapshot brings the memory back
        String snapshot = report.get("safety_snapshots").get(0).asText();
        ApiClient.Response rollback = alice.post("/v1/snapshots/" + snapshot + "/rollback", "{}");
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
        assertThat(alice.get("/v1/memories/" + decayed).status()).isEqualTo(200);
    }

    @Test
    void adminTriggerRejectsUnknownOpsAndNonMasters() {
        String user = "gov-" + UUID.randomUUID();
        ApiClient.Response bad = as(user).postRaw("/admin/governance/" + user + "/trigger?op=explode", null, new byte[0]);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("detail").asText()).contains("Invalid op: explode");
        for (String op : List.of("consolidate", "extract_entities", "weekly")) {
            ApiClient.Response ok = as(user).postRaw("/admin/governance/" + user + "/trigger?op=" + op, null, new byte[0]);
            assertThat(ok.status()).as(op + ": " + ok.body()).isEqualTo(200);
            assertThat(ok.json().get("op").asText()).isEqualTo(op);
        }
        String key = as(user).post("/auth/keys", json(Map.of("user_id", user, "name", "k"))).json().get("raw_key").asText();
        ApiClient owner = anonymous.with("Authorization", "Bearer " + key);
        assertThat(owner.postRaw("/admin/governance/" + user + "/trigger?op=governance", null, new byte[0]).status())
                .isEqualTo(403);
        assertThat(owner.get("/admin/cluster").status()).isEqualTo(403);
    }

    @Test
    void triggersHonourCooldownsUnlessForced() {
        ApiClient bob = as("cool-" + UUID.randomUUID());
        JsonNode first = bob.post("/v1/governance", "{}").json();
        assertThat(first.has("quarantined")).isTrue();
        JsonNode second = bob.post("/v1/governance", "{}").json();
        assertThat(second.get("skipped").asBoolean()).isTrue();
        assertThat(second.get("cooldown_remaining_s").asLong()).isBetween(1L, 3600L);
        assertThat(bob.post("/v1/governance", "{\"force\":true}").json().has("quarantined")).isTrue();

        JsonNode consolidate = bob.post("/v1/consolidate", "{}").json();
        assertThat(consolidate.get("status").asText()).isEqualTo("success");
        assertThat(bob.post("/v1/consolidate", "{}").json().get("skipped").asBoolean()).isTrue();
        assertThat(bob.post("/v1/governance", "{\"force\":\"yes\"}").status()).isEqualTo(422);
    }

    @Test
    void withoutAnLlmTheLlmFeaturesFallBackOrAnswer503() {
        String user = "nollm-" + UUID.randomUUID();
        ApiClient carol = as(user);
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            // no names the text rules recognise: these stay unlinked until the agent links them
            store(carol, "carol deploys service " + i + " with helm", "semantic", "T1", now);
        }
        JsonNode reflect = carol.post("/v1/reflect", "{}").json();
        assertThat(reflect.get("candidates")).hasSize(1);
        assertThat(reflect.get("candidates").get(0).get("memories")).hasSize(3);
        assertThat(carol.post("/v1/reflect", "{\"mode\":\"internal\"}").status()).isEqualTo(503);

        JsonNode extract = carol.post("/v1/extract-entities", "{}").json();
        assertThat(extract.get("status").asText()).isEqualTo("candidates");
        assertThat(extract.get("unlinked").asInt()).isEqualTo(3);
        String memoryId = extract.get("memories").get(0).get("memory_id").asText();
        JsonNode linked = carol.post("/v1/extract-entities/link", json(Map.of("entities", List.of(Map.of(
                "memory_id", memoryId, "entities", List.of(Map.of("name", "Helm", "type", "tech"),
                        Map.of("name", "helm"))))))).json();
        assertThat(linked.get("entities_created").asInt()).isEqualTo(1);
        assertThat(linked.get("entities_reused").asInt()).isEqualTo(1);
        JsonNode entities = carol.get("/v1/entities").json();
        assertThat(entities.get("entities")).hasSize(1);
        assertThat(entities.get("entities").get(0).get("entity_type").asText()).isEqualTo("tech");
        assertThat(carol.post("/v1/extract-entities", "{}").json().get("unlinked").asInt()).isEqualTo(2);

        ApiClient.Response summary = carol.post("/v1/sessions/s1/summary", "{}");
        assertThat(summary.status()).isEqualTo(503);
        assertThat(summary.json().get("detail").asText())
                .isEqualTo("LLM not configured — set LLM_API_KEY to enable episodic memory");
    }

    @Test
    void storedMemoriesAreLinkedToTheNamesInTheirTextWithoutAnLlm() {
        ApiClient dave = as("names-" + UUID.randomUUID());
        store(dave, "auth-service moved to PostgreSQL, reviewed by @alice", "semantic", "T1", Instant.now());

        JsonNode entities = dave.get("/v1/entities").json().get("entities");
        assertThat(entities).extracting(e -> e.get("name").asText() + ":" + e.get("entity_type").asText())
                .containsExactlyInAnyOrder("auth-service:project", "PostgreSQL:tech", "alice:person");
        JsonNode extract = dave.post("/v1/extract-entities", "{}").json();
        assertThat(extract.get("status").asText()).isEqualTo("complete");
        assertThat(extract.get("unlinked").asInt()).isZero();
    }

    @Test
    void unknownTaskIs404AndClusterShowsThisInstance() {
        assertThat(as("x").get("/v1/tasks/" + UUID.randomUUID().toString().replace("-", "")).status()).isEqualTo(404);
        JsonNode cluster = as("x").get("/admin/cluster").json();
        assertThat(cluster.get("instance_id").asText()).isEqualTo(server.instanceId());
        assertThat(cluster.get("instances")).anySatisfy(i ->
                assertThat(i.get("instance_id").asText()).isEqualTo(server.instanceId()));
        assertThat(cluster.get("tasks")).extracting(t -> t.get("name").asText())
                .containsExactly("hourly", "daily", "weekly");
    }
}
