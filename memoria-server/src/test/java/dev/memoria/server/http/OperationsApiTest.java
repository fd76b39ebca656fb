package dev.memoria.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memoria.server.MemoriaServer;
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

/**
 * Health diagnostics, usage analytics and the master key's audited support read on a real server: the existing
 * service's field names, who may call what, and 4xx JSON for bad input.
 */
class OperationsApiTest {

    static final String MASTER = "operations-master-key-0123456789";

    @TempDir
    static Path dataDir;
    static MemoriaServer server;
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        server = TestServers.keywordOnly(dataDir, MASTER);
        anonymous = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ApiClient master(String user) {
        return anonymous.asMaster(MASTER, user);
    }

    private static ApiClient withKeyOf(String user) {
        String raw = master("default").post("/auth/keys", json(Map.of("user_id", user, "name", "k"))).json()
                .get("raw_key").asText();
        return anonymous.with("Authorization", "Bearer " + raw);
    }

    private static String store(ApiClient api, Map<String, Object> body) {
        ApiClient.Response stored = api.post("/v1/memories", json(body));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        return stored.json().get("memory_id").asText();
    }

    @Test
    void healthReportsDescribeTheCallersOwnMemory() {
        String user = fresh("healthy");
        ApiClient api = withKeyOf(user);
        String wrong = store(api, Map.of("content", "the staging database runs on port 5432"));
        store(api, Map.of("content", "prefers tabs over spaces", "memory_type", "profile", "trust_tier", "T2"));
        store(api, Map.of("content", "scratch: compare the two flame graphs", "memory_type", "working",
                "observed_at", Instant.now().minus(Duration.ofDays(2)).toString()));
        assertThat(api.put("/v1/memories/" + wrong + "/correct",
                json(Map.of("new_content", "the staging database runs on port 6543"))).status()).isEqualTo(200);
        store(master(fresh("bystander")), Map.of("content", "someone else's memory", "memory_type", "working",
                "observed_at", "2001-01-01T00:00:00Z"));

        JsonNode analyze = api.get("/v1/health/analyze").json();
        assertThat(analyze.fieldNames()).toIterable().containsExactlyInAnyOrder("semantic", "profile", "working");
        JsonNode semantic = analyze.get("semantic");
        assertThat(semantic.fieldNames()).toIterable()
                .containsExactly("total", "avg_confidence", "contradiction_rate", "avg_staleness_hours");
        assertThat(semantic.get("total").asLong()).isEqualTo(1);
        assertThat(semantic.get("contradiction_rate").asDouble()).as("1 of 2 semantic memories corrected")
                .isEqualTo(0.5);
        assertThat(analyze.get("working").get("avg_staleness_hours").asDouble()).isBetween(47.0, 49.0);

        JsonNode storage = api.get("/v1/health/storage").json();
        assertThat(storage.fieldNames()).toIterable()
                .containsExactly("total", "active", "inactive", "avg_content_size");
        assertThat(storage.get("total").asLong()).isEqualTo(4);
        assertThat(storage.get("active").asLong()).isEqualTo(3);
        assertThat(storage.get("inactive").asLong()).isEqualTo(1);

        JsonNode capacity = api.get("/v1/health/capacity").json();
        assertThat(capacity.fieldNames()).toIterable().containsExactly("user_active_memories", "global_vector_count",
                "monthly_growth_rate", "ivf_thresholds", "recommendation");
        assertThat(capacity.get("user_active_memories").asLong()).isEqualTo(3);
        assertThat(capacity.get("global_vector_count").asLong()).as("keyword-only: no vectors").isZero();
        assertThat(capacity.get("ivf_thresholds").get("optimal").asLong())
                .isLessThan(capacity.get("ivf_thresholds").get("degraded").asLong());
        assertThat(capacity.get("recommendation").asText()).startsWith("Healthy");

        JsonNode hygiene = api.get("/v1/health/hygiene").json();
        assertThat(hygiene.fieldNames()).toIterable().startsWith("inactive_memories", "stale_working_memories",
                "orphan_memory_entity_links", "orphan_entity_links", "orphan_graph_nodes");
        assertThat(hygiene.get("inactive_memories").asLong()).isEqualTo(1);
        assertThat(hygiene.get("stale_working_memories").asLong()).as("the bystander's is not counted").isEqualTo(1);
        assertThat(hygiene.get("superseded_memories").asLong()).isEqualTo(1);
        assertThat(hygiene.get("by_type").get("working").asLong()).isEqualTo(1);
        assertThat(hygiene.get("by_tier").get("T2").asLong()).as("the profile and the correction").isEqualTo(2);
        assertThat(hygiene.get("recommendation").asText()).contains("Run governance");
    }

    @Test
    void adminHygieneSumsEveryUserForTheMasterKeyOnly() {
        String user = fresh("tidy");
        store(master(user), Map.of("content", "an old scratch note", "memory_type", "working",
                "observed_at", "2001-01-01T00:00:00Z"));

        ApiClient.Response refused = withKeyOf(user).get("/admin/health/hygiene");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("master_required");
        JsonNode all = master("default").get("/admin/health/hygiene").json();
        assertThat(all.get("stale_working_memories").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(all.get("orphan_stats").fieldNames()).toIterable()
                .contains("memory_entity_links", "entity_links", "graph_nodes");
    }

    @Test
    void toolsAndCallsAreCountedPerUser() {
        String user = fresh("agent");
        ApiClient cursor = withKeyOf(user).with("X-Memoria-Tool", "cursor");
        store(cursor, Map.of("content", "the build uses gradle"));
        cursor.post("/v1/memories/retrieve", json(Map.of("query", "build")));
        cursor.get("/v1/memories/" + "0".repeat(32));
        withKeyOf(user).with("X-Tool-Name", "kiro").get("/v1/memories");
        withKeyOf(user).with("X-Memoria-Source", "dashboard").get("/v1/memories");
        ApiClient.Response mcp = withKeyOf(user).with("Accept", "application/json, text/event-stream").post("/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_store\","
                        + "\"arguments\":{\"content\":\"stored through MCP\"}}}");
        assertThat(mcp.status()).as(mcp.body()).isEqualTo(200);

        JsonNode tools = withKeyOf(user).get("/v1/tool-usage").json();
        List<String> names = new ArrayList<>();
        tools.forEach(t -> {
            names.add(t.get("tool_name").asText());
            assertThat(t.get("last_used_at").asText()).endsWith("+00:00");
        });
        assertThat(names).containsExactlyInAnyOrder("cursor", "kiro", "memory_store");
        assertThat(withKeyOf(fresh("quiet")).get("/v1/tool-usage").json()).isEmpty();

        JsonNode stats = master("default").get("/admin/users/" + user + "/call-stats?days=7").json();
        assertThat(stats.fieldNames()).toIterable().containsExactly("total_calls", "avg_latency_ms", "error_count",
                "error_rate", "days", "by_path", "recent_calls", "all_time", "series");
        Map<String, Long> byPath = new java.util.HashMap<>();
        stats.get("by_path").forEach(p -> byPath.put(p.get("method").asText() + " " + p.get("path").asText(),
                p.get("count").asLong()));
        assertThat(byPath).containsEntry("POST /v1/memories", 1L).containsEntry("POST /v1/memories/retrieve", 1L)
                .containsEntry("GET /v1/memories/{id}", 1L).containsEntry("POST /mcp/memory_store", 1L)
                .as("the console's request is not the user's").containsEntry("GET /v1/memories", 1L);
        assertThat(stats.get("error_count").asLong()).as("the 404").isEqualTo(1);
        assertThat(stats.get("recent_calls").get(0).fieldNames()).toIterable()
                .containsExactly("method", "path", "status_code", "latency_ms", "called_at", "status");
        assertThat(stats.get("all_time").get("total_writes").asLong()).isEqualTo(2);
        assertThat(stats.get("all_time").get("total_retrieves").asLong()).isEqualTo(1);
        assertThat(stats.get("series")).hasSize(7);
        assertThat(stats.get("series").get(6).get("total").asLong()).isEqualTo(stats.get("total_calls").asLong());
    }

    @Test
    void callStatsNeedTheMasterKeyAndSaneDays() {
        String user = fresh("measured");
        ApiClient.Response refused = withKeyOf(user).get("/admin/users/" + user + "/call-stats");
        assertThat(refused.status()).isEqualTo(403);
        for (String days : new String[]{"0", "91", "-1"}) {
            ApiClient.Response bad = master("default").get("/admin/users/" + user + "/call-stats?days=" + days);
            assertThat(bad.status()).as(days).isEqualTo(422);
            assertThat(bad.json().get("code").asText()).isEqualTo("invalid_days");
        }
        ApiClient.Response notANumber = master("default").get("/admin/users/" + user + "/call-stats?days=week");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("code").asText()).isEqualTo("invalid_query");
        assertThat(master("default").get("/admin/users/" + user + "/call-stats").json().get("days").asInt())
                .isEqualTo(7);
    }

    @Test
    void theMasterKeyReadsAnyUsersMemoryByIdAndTheReadIsAudited() {
        String owner = fresh("owner");
        String desk = fresh("desk");
        String id = store(master(owner), Map.of("content", "the VPN certificate expires in March"));

        ApiClient.Response support = master(desk).get("/v1/memories/" + id);
        assertThat(support.status()).as(support.body()).isEqualTo(200);
        assertThat(support.json().get("user_id").asText()).isEqualTo(owner);
        assertThat(support.json().get("content").asText()).isEqualTo("the VPN certificate expires in March");

        JsonNode trail = master("default").get("/admin/audit?limit=500").json();
        List<JsonNode> mine = new ArrayList<>();
        trail.forEach(entry -> {
            if (entry.get("target").asText().equals(id)) {
                mine.add(entry);
            }
        });
        assertThat(mine).singleElement().satisfies(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo("master");
            assertThat(entry.get("acting_user").asText()).isEqualTo(desk);
            assertThat(entry.get("action").asText()).isEqualTo("support_read");
            assertThat(entry.get("user_id").asText()).isEqualTo(owner);
        });

        ApiClient.Response foreignKey = withKeyOf(fresh("stranger")).get("/v1/memories/" + id);
        assertThat(foreignKey.status()).as("an API key never sees another user's memory").isEqualTo(404);
        assertThat(foreignKey.json().get("code").asText()).isEqualTo("memory_not_found");
        assertThat(master(desk).get("/v1/memories/" + id + "?branch=main").status())
                .as("an explicit branch is the acting user's own").isEqualTo(404);
        assertThat(master(desk).get("/v1/memories/" + "0".repeat(32)).status()).isEqualTo(404);
        assertThat(withKeyOf(owner).get("/admin/audit").status()).isEqualTo(403);
        assertThat(master("default").get("/admin/audit?limit=0").status()).isEqualTo(422);
    }
}
