package dev.memoria.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests found to break the server before: paths Jetty refuses itself, invented methods, overflowing offsets,
 * oversize audit fields, unrepresentable text and instants. Each gets a 4xx JSON error, and one stored value can
 * never make later reads of its user fail.
 */
class HostileRequestTest {

    static final String MASTER = "hostile-master-key-0123456789";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

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

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + MASTER).header("X-User-Id", "hostile")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertClientError(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(response.body()).doesNotContain("<html", "Exception", "at org.", "at dev.");
        JsonNode json = MAPPER.readTree(response.body());
        assertThat(json.path("code").asText()).isNotBlank();
        return json;
    }

    @Test
    void pathsJettyRefusesAnswerJson() throws Exception {
        for (String path : new String[]{"/v1/memories/%00", "/v1/memories/%FF", "/v1/%C0%AF"}) {
            assertClientError(send("GET", path, null));
        }
    }

    @Test
    void anInventedMethodIsRefusedAndAddsNoMetricSeries() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertClientError(send("MADEUP" + i, "/health", null));
        }
        String metrics = send("GET", "/metrics", null).body();
        assertThat(metrics).doesNotContain("MADEUP").contains("method=\"OTHER\"");
    }

    @Test
    void aHugeSnapshotOffsetIsAnEmptyPage() throws Exception {
        HttpResponse<String> page = send("GET", "/v1/snapshots?offset=2147483647&limit=100", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(page.body()).get("snapshots")).isEmpty();
    }

    @Test
    void anOversizeActorIsRefused() throws Exception {
        String body = "{\"actor\": \"" + "a".repeat(65) + "\", \"manifest\": {}}";
        assertThat(assertClientError(send("POST", "/admin/plugins", body)).path("code").asText())
                .isEqualTo("actor_too_long");
    }

    @Test
    void unrepresentableContentAndInstantsAreRefusedAndChangeNothing() throws Exception {
        assertThat(assertClientError(send("POST", "/v1/memories", "{\"content\": \"half an emoji \\ud83d\"}"))
                .path("code").asText()).isEqualTo("invalid_content");
        for (String time : new String[]{"+999999999-12-31T23:59:59Z", "-000001-01-01T00:00:00Z"}) {
            assertClientError(send("POST", "/v1/memories",
                    "{\"content\": \"observed at the end of time\", \"observed_at\": \"" + time + "\"}"));
        }
        HttpResponse<String> list = send("GET", "/v1/memories", null);
        assertThat(MAPPER.readTree(list.body()).get("items")).isEmpty();
        assertThat(send("POST", "/v1/memories/retrieve", "{\"query\": \"end of time\"}").statusCode()).isEqualTo(200);
    }
}
