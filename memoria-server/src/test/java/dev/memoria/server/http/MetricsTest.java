package dev.memoria.server.http;

import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class MetricsTest {

    static final String MASTER = "metrics-master-key-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void prometheusMetricsNameRouteTemplatesNotIds() {
        try (MemoriaServer server = TestServers.keywordOnly(dataDir, MASTER)) {
            ApiClient api = new ApiClient(server.port()).asMaster(MASTER, "metrics-user");
            String id = api.post("/v1/memories", json(Map.of("content", "measured"))).json().get("memory_id").asText();
            api.get("/v1/memories/" + id);
            api.get("/v1/memories/" + "0".repeat(32));
            new ApiClient(server.port()).asMaster(MASTER, "metrics-user")
                    .post("/admin/governance/metrics-user/trigger?op=governance", "{}");
            new ApiClient(server.port()).with("Authorization", "Bearer sk-not-a-key").get("/v1/memories");
            new ApiClient(server.port()).get("/v1/memories");

            ApiClient.Response metrics = new ApiClient(server.port()).get("/metrics");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.headers().get("content-type")).startsWith("text/plain");
            assertThat(metrics.body())
                    .contains("memoria_http_request_duration_seconds_count{")
                    .contains("route=\"/v1/memories/{id}\"")
                    .contains("status=\"404\"")
                    .contains("status=\"201\"")
                    .doesNotContain(id)
                    .contains("memoria_memories_total{")
                    .contains("type=\"all\"")
                    .contains("type=\"semantic\"")
                    .containsPattern("memoria_users_total\\{[^}]*\\} 1\\.0")
                    .contains("memoria_snapshots_total{")
                    .containsPattern("memoria_auth_failures_total\\{[^}]*reason=\"invalid_token\"[^}]*\\} 1\\.0")
                    .containsPattern("memoria_auth_failures_total\\{[^}]*reason=\"missing_token\"[^}]*\\} 1\\.0")
                    .contains("memoria_version{")
                    .contains("jvm_memory_used_bytes")
                    .contains("memoria_async_tasks{")
                    .contains("memoria_locks_held")
                    .contains("memoria_governance_governance_runs_total");
        }
    }
}
