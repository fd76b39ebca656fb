package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on both MCP transports — malformed JSON-RPC, wrong parameter shapes, odd values for every argument of
 * every tool, odd headers — and no answer may show a Java exception, a class name or a stack frame. Every
 * request is answered with a JSON-RPC message; HTTP never answers 5xx.
 */
class McpBadInputSweepTest {

    static final String MASTER = "mcp-sweep-master-key-0123456789";
    static final String ACCEPT_BOTH = "application/json, text/event-stream";
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    static MemoriaServer server;

    @BeforeAll
    static void start() {
        server = TestServers.keywordOnly(dataDir.resolve("server"), MASTER, Map.of(
                "memoria.rate-limit-auth-keys", "1000000,60"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .header("Authorization", "Bearer " + MASTER).header("X-User-Id", "sweeper")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(byte[] body) throws Exception {
        return post(Map.of("Content-Type", "application/json", "Accept", ACCEPT_BOTH), body);
    }

    /** A JSON-RPC message without internals; for an error, one of the specification's codes. */
    static JsonNode assertCleanJsonRpc(String answer) throws Exception {
        McpLeaks.assertNoInternals(answer);
        JsonNode message = MAPPER.readTree(answer);
        assertThat(message.path("jsonrpc").asText()).as(answer).isEqualTo("2.0");
        assertThat(message.has("result") || message.has("error")).as(answer).isTrue();
        if (message.has("error")) {
            assertThat(message.path("error").path("code").asInt()).as(answer).isBetween(-32700, -32000);
            assertThat(message.path("error").path("message").asText()).as(answer).isNotBlank();
        }
        return message;
    }

    @TestFactory
    Stream<DynamicTest> malformedMessagesOverHttp() {
        return McpBadInput.messages().entrySet().stream().map(bad -> DynamicTest.dynamicTest(bad.getKey(), () -> {
            HttpResponse<String> response = post(bad.getValue());
            assertThat(response.statusCode()).as(response.body()).isLessThan(500);
            JsonNode message = assertCleanJsonRpc(response.body());
            assertThat(message.has("error")).as(response.body()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> oddHeadersOverHttp() {
        byte[] ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8);
        List<Map<String, String>> variants = List.of(
                Map.of("Content-Type", "text/plain", "Accept", ACCEPT_BOTH),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Accept", ACCEPT_BOTH),
                Map.of("Content-Type", "application/json", "Accept", "text/html"),
                Map.of("Content-Type", "application/json", "Accept", "application/json"),
                Map.of("Content-Type", "application/json"),
                Map.of("Content-Type", "application/json", "Accept", ACCEPT_BOTH, "Origin", "https://evil.example"),
                Map.of("Content-Type", "application/json", "Accept", ACCEPT_BOTH, "Origin", "not a url"),
                Map.of("Content-Type", "application/json", "Accept", ACCEPT_BOTH, "MCP-Protocol-Version", "x\u0001y"),
                Map.of("Content-Type", "application/json", "Accept", ACCEPT_BOTH, "MCP-Protocol-Version", "2099-01-01"));
        return variants.stream().map(headers -> DynamicTest.dynamicTest(headers.toString().replaceAll("\\p{Cntrl}", "?"),
                () -> {
                    Map<String, String> sent = new HashMap<>(headers);
                    sent.replaceAll((k, v) -> v.replaceAll("\\p{Cntrl}", ""));
                    HttpResponse<String> response = post(sent, ping);
                    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
                    assertThat(assertCleanJsonRpc(response.body()).has("error")).isTrue();
                }));
    }

    @Test
    void oddArgumentsForEveryToolOverHttp() throws Exception {
        for (String call : McpBadInput.oddToolCalls(1)) {
            HttpResponse<String> response = post(call.getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(call + " -> " + response.body()).isEqualTo(200);
            assertCleanJsonRpc(response.body());
        }
    }

    /** One child process takes the whole sweep, so it also shows that no bad line ends the session. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // only against a hung child; nothing here is timed
    void everythingOverStdio() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        lines.add(McpChild.INITIALIZE.getBytes(StandardCharsets.UTF_8));
        lines.add(McpChild.INITIALIZED.getBytes(StandardCharsets.UTF_8));
        lines.addAll(McpBadInput.messages().values());
        List<String> calls = McpBadInput.oddToolCalls(1000);
        calls.forEach(call -> lines.add(call.getBytes(StandardCharsets.UTF_8)));
        String last = "{\"jsonrpc\":\"2.0\",\"id\":\"last\",\"method\":\"ping\"}";
        lines.add(last.getBytes(StandardCharsets.UTF_8));

        try (McpChild child = McpChild.start(List.of(), Map.of("MEMORIA_DATA_DIR", dataDir.resolve("stdio").toString(),
                "MEMORIA_EMBEDDING_PROVIDER", "none"))) {
            List<String> out = child.sendBytesAndClose(lines).output();

            List<String> ids = new ArrayList<>();
            for (String answer : out) {
                ids.add(assertCleanJsonRpc(answer).path("id").asText("null"));
            }
            for (int id = 1000; id < 1000 + calls.size(); id++) {
                assertThat(ids).as("an answer to tool call " + id).contains(String.valueOf(id));
            }
            // every malformed message got its own answer, and the session was still alive at the end
            assertThat(out).hasSize(1 + McpBadInput.messages().size() + calls.size() + 1);
            assertThat(ids).contains("init", "last");
            assertThat(child.exitStatus()).as(child.stderr()).isZero();
        }
    }
}
