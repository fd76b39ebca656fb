package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import dev.memoria.server.http.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real {@code mcp} child process fed raw lines: a bad line is answered and later ones still are, stdin closing
 * right after requests still gets them answered (and stored) before the process exits 0, and {@code --help}
 * is an answer, not an error. The timeout only keeps a regression (a child that never exits) from hanging the build.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpStdioRobustnessTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String MASTER = "stdio-robust-master-key-0123456789";

    @TempDir
    Path dataDir;

    private Map<String, String> env() {
        return Map.of("MEMORIA_DATA_DIR", dataDir.toString(), "MEMORIA_EMBEDDING_PROVIDER", "none");
    }

    /** The answers by id (null-id errors under "null", in order of arrival). */
    private static Map<String, List<JsonNode>> byId(List<String> lines) throws IOException {
        Map<String, List<JsonNode>> answers = new LinkedHashMap<>();
        for (String line : lines) {
            McpLeaks.assertNoInternals(line);
            JsonNode message = MAPPER.readTree(line);
            assertThat(message.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
            answers.computeIfAbsent(message.path("id").asText("null"), k -> new ArrayList<>()).add(message);
        }
        return answers;
    }

    private static String store(int id, String content) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"memory_store\","
                + "\"arguments\":{\"content\":\"" + content + "\"}}}";
    }

    @Test
    void badLinesAreAnsweredAndTheSessionGoesOn() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(env());
        env.put("MEMORIA_MAX_BODY_BYTES", "4096"); // the longest stdio message, as for REST bodies
        String tooLong = "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"ping\",\"params\":{\"pad\":\""
                + "x".repeat(10_000) + "\"}}";
        try (McpChild child = McpChild.start(List.of(), env)) {
            List<String> out = child.sendAndClose(List.of(McpChild.INITIALIZE, McpChild.INITIALIZED,
                    "not json at all",
                    "[{\"jsonrpc\":\"2.0\",\"id\":90,\"method\":\"ping\"}]",
                    "{\"id\":2,\"method\":\"ping\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":3}",
                    "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"initialize\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"memory_store\","
                            + "\"arguments\":[1]}}",
                    tooLong,
                    "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"}",
                    store(7, "still serving after bad lines"))).output();

            Map<String, List<JsonNode>> answers = byId(out);
            assertThat(answers.get("init").get(0).has("result")).isTrue();
            assertThat(answers.get("null")).extracting(m -> m.path("error").path("code").asInt())
                    .containsExactly(-32700, -32600, -32600);
            assertThat(answers.get("null").get(2).path("error").path("message").asText())
                    .isEqualTo("Message larger than 4096 bytes");
            assertThat(answers.get("2").get(0).path("error").path("code").asInt()).isEqualTo(-32600);
            assertThat(answers.get("3").get(0).path("error").path("code").asInt()).isEqualTo(-32600);
            assertThat(answers.get("4").get(0).path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(answers.get("5").get(0).path("error").path("code").asInt()).isEqualTo(-32602);
            assertThat(answers.get("6").get(0).has("result")).isTrue();
            assertThat(answers.get("7").get(0).path("result").path("content").get(0).path("text").asText())
                    .startsWith("Stored memory ").endsWith(": still serving after bad lines");
            assertThat(child.exitStatus()).as(child.stderr()).isZero();
        }
    }

    @Test
    void stdinClosingRightAfterRequestsStillGetsThemAnsweredAndStored() throws Exception {
        List<String> lines = new ArrayList<>(List.of(McpChild.INITIALIZE, McpChild.INITIALIZED));
        for (int i = 1; i <= 5; i++) {
            lines.add(store(i, "written just before EOF number " + i));
        }
        try (McpChild child = McpChild.start(List.of("--user", "eof-user"), env())) {
            Map<String, List<JsonNode>> answers = byId(child.sendAndClose(lines).output());

            for (int i = 1; i <= 5; i++) {
                JsonNode result = answers.get(String.valueOf(i)).get(0).path("result");
                assertThat(result.path("isError").asBoolean()).as(result.toString()).isFalse();
            }
            assertThat(child.exitStatus()).as(child.stderr()).isZero();
        }
        // the child closed the database cleanly after the writes: a server can open it and sees all five
        try (MemoriaServer server = TestServers.keywordOnly(dataDir, MASTER)) {
            JsonNode items = new ApiClient(server.port()).asMaster(MASTER, "eof-user").get("/v1/memories").json()
                    .get("items");
            assertThat(items).hasSize(5);
        }
    }

    @Test
    void closingStdinWithoutAnyRequestEndsTheProcessWithStatusZero() throws Exception {
        try (McpChild child = McpChild.start(List.of(), env())) {
            assertThat(child.sendAndClose(List.of()).output()).isEmpty();
            assertThat(child.exitStatus()).as(child.stderr()).isZero();
        }
    }

    @Test
    void helpPrintsUsageOnStdoutAndExitsZero() throws Exception {
        try (McpChild child = McpChild.start(List.of("--help"), env())) {
            List<String> out = child.sendAndClose(List.of()).output();
            assertThat(child.exitStatus()).isZero();
            assertThat(String.join("\n", out)).startsWith("usage: java -jar memoria-server.jar mcp")
                    .doesNotContain("missing value");
        }
    }

    @Test
    void aMissingOptionValueIsAUsageErrorOnStderr() throws Exception {
        try (McpChild child = McpChild.start(List.of("--user"), env())) {
            assertThat(child.sendAndClose(List.of()).output()).isEmpty();
            assertThat(child.exitStatus()).isEqualTo(2);
            assertThat(child.stderr()).contains("missing value for --user").contains("usage: ");
        }
    }
}
