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
    })
    void malformedRequestsGetJsonRpcErrors(String name, String contentType, String accept, String body, int status,
                                           int code) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .header("Authorization", "Bearer " + MASTER).header("Content-Type", contentType).header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain("stackTrace", "className", "Exception", "java.", "io.modelcontextprotocol");
        JsonNode json = MAPPER.readTree(response.body());
        assertThat(json.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(json.path("error").path("code").asInt()).isEqualTo(code);
    }
}
