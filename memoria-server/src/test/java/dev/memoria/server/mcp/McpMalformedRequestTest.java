package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw bytes at /mcp: every malformed request is a JSON-RPC error envelope, never a serialised Java exception. */
class McpMalformedRequestTest {

    static final String MASTER = "mcp-malformed-master-key-0123456789";
    static final String ACCEPT_BOTH = "application/json, text/event-stream";
    static final ObjectMapper MAPPER = new ObjectMapper();

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "not json            | application/json | " + ACCEPT_BOTH + " | {bad                                         | 400 | -32700",
            "empty               | application/json | " + ACCEPT_BOTH + " | ``                                           | 400 | -32700",
            "batch               | application/json | " + ACCEPT_BOTH + " | [{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}] | 400 | -32600",
            "no jsonrpc          | application/json | " + ACCEPT_BOTH + " | {\"id\":1,\"method\":\"ping\"}                  | 400 | -32600",
            "method not a string | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}   | 400 | -32600",
            "params not object   | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":3} | 400 | -32602",
            "initialize bare     | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\"} | 400 | -32602",
            "wrong accept        | application/json | text/html            | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} | 406 | -32600",
            "wrong content type  | text/plain       | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} | 415 | -32600",
            "trailing garbage    | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} x | 400 | -32700",
            "wrong jsonrpc       | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"} | 400 | -32600",
            "no method           | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1}           | 400 | -32600",
            "unsolicited reply   | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}} | 400 | -32600",
            "initialize caps int | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-03-26\",\"capabilities\":5,\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}} | 400 | -32602",
            "tool args array     | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_store\",\"arguments\":[1]}} | 400 | -32602",
            "tool args string    | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_store\",\"arguments\":\"x\"}} | 400 | -32602",
            "tool without name   | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{}} | 400 | -32602",
            "unknown tool        | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}} | 200 | -32602",
            "cursor not a string | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{\"cursor\":{}}} | 400 | -32602",
            "unknown method      | application/json | " + ACCEPT_BOTH + " | {\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope/nope\"} | 200 | -32601",
    })
    void malformedRequestsGetJsonRpcErrors(String name, String contentType, String accept, String body, int status,
                                           int code) throws Exception {
        HttpResponse<String> response = post(Map.of("Content-Type", contentType, "Accept", accept),
                body == null ? "" : body);

        assertErrorEnvelope(response, status, code);
        assertThat(response.body()).doesNotContain("Failed to handle", "Cannot construct", "Unexpected error");
    }

    /**
     * Origin (DNS rebinding: a page in a browser must not drive a local server) and MCP-Protocol-Version are
     * checked on every POST, as the Streamable HTTP transport specification requires.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Origin                | https://evil.example       | 403",
            "Origin                | null                       | 403",
            "Origin                | http://127.0.0.1.evil.example | 403",
            "MCP-Protocol-Version  | 1999-01-01                 | 400",
    })
    void foreignOriginsAndUnknownProtocolVersionsAreRefused(String header, String value, int status) throws Exception {
        HttpResponse<String> response = post(Map.of("Content-Type", "application/json", "Accept", ACCEPT_BOTH,
                header, value), PING);

        assertErrorEnvelope(response, status, -32600);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Origin                | http://localhost:3000",
            "Origin                | http://127.0.0.1",
            "Origin                | http://[::1]:8080",
            "MCP-Protocol-Version  | 2025-06-18",
            "MCP-Protocol-Version  | 2025-03-26",
    })
    void loopbackOriginsAndSupportedVersionsAreServed(String header, String value) throws Exception {
        HttpResponse<String> response = post(Map.of("Content-Type", "application/json", "Accept", ACCEPT_BOTH,
                header, value), PING);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(MAPPER.readTree(response.body()).has("result")).isTrue();
    }

    @org.junit.jupiter.api.Test
    void thePagesOfTheServerItselfMayCallIt() throws Exception {
        HttpResponse<String> response = post(Map.of("Content-Type", "application/json", "Accept", ACCEPT_BOTH,
                "Origin", "http://127.0.0.1:" + server.port()), PING);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    static HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .header("Authorization", "Bearer " + MASTER).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertErrorEnvelope(HttpResponse<String> response, int status, int code) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        McpLeaks.assertNoInternals(response.body());
        JsonNode json = MAPPER.readTree(response.body());
        assertThat(json.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(json.path("error").path("code").asInt()).as(response.body()).isEqualTo(code);
        assertThat(json.path("error").path("message").asText()).isNotBlank();
    }
}
