package dev.memoria.server.mcp;

import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /mcp is held to the REST API's limits: failed-auth limit per address, per-key rate limit, body size (chunked too). */
class McpLimitsTest {

    static final String MASTER = "mcp-limits-master-key-0123456789";
    static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private static HttpResponse<String> post(MemoriaServer server, String path, String token, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void mcpSharesTheRestLimits() throws Exception {
        try (MemoriaServer server = TestServers.keywordOnly(dataDir, MASTER, Map.of(
                "memoria.rate-limit-auth-keys", "5,3600", "memoria.auth-failures-per-minute", 10,
                "memoria.max-body-bytes", 65536))) {
            String keyJson = post(server, "/auth/keys", MASTER,
                    HttpRequest.BodyPublishers.ofString("{\"user_id\": \"agent\"}")).body();
            String key = keyJson.replaceAll(".*\"raw_key\"\\s*:\\s*\"([^\"]+)\".*", "$1");

            int ok = 0;
            int limited = 0;
            for (int i = 0; i < 8; i++) {
                int status = post(server, "/mcp", key, HttpRequest.BodyPublishers.ofString(PING)).statusCode();
                ok += status == 200 ? 1 : 0;
                limited += status == 429 ? 1 : 0;
            }
            assertThat(ok).isEqualTo(5);
            assertThat(limited).isEqualTo(3);

            // a chunked body (no Content-Length) over the limit: refused before any JSON-RPC is parsed
            byte[] padding = ("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\",\"params\":{\"pad\":\""
                    + "x".repeat(200_000) + "\"}}").getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> huge = post(server, "/mcp", MASTER, HttpRequest.BodyPublishers.ofInputStream(
                    () -> new SequenceInputStream(new ByteArrayInputStream(padding), new ByteArrayInputStream(new byte[0]))));
            assertThat(huge.statusCode()).isEqualTo(413);
            assertThat(huge.body()).contains("body_too_large");
            assertThat(post(server, "/mcp", MASTER, HttpRequest.BodyPublishers.ofString(PING)).statusCode()).isEqualTo(200);

            int unauthorized = 0;
            int slowed = 0;
            for (int i = 0; i < 15; i++) {
                int status = post(server, "/mcp", "sk-" + "0".repeat(32), HttpRequest.BodyPublishers.ofString(PING))
                        .statusCode();
                unauthorized += status == 401 ? 1 : 0;
                slowed += status == 429 ? 1 : 0;
            }
            assertThat(unauthorized).isEqualTo(10);
            assertThat(slowed).isEqualTo(5);
        }
    }
}
