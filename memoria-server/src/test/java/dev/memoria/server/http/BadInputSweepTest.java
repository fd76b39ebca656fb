package dev.memoria.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route with a body, fed garbage: malformed JSON, the wrong JSON type, wrong field types, control and
 * multi-byte characters, huge numbers, oversize bodies. The server must answer 4xx (never 5xx), and a request
 * it refuses must change nothing.
 */
class BadInputSweepTest {

    static final String MASTER = "sweep-master-key-0123456789";
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static MemoriaServer server;
    static ApiClient api;
    static String memoryId;

    @BeforeAll
    static void start() {
        server = TestServers.keywordOnly(dataDir, MASTER);
        api = new ApiClient(server.port()).asMaster(MASTER, "sweeper");
        memoryId = api.post("/v1/memories", json(Map.of("content", "the original fact"))).json().get("memory_id").asText();
        api.post("/v1/snapshots", json(Map.of("name", "base")));
        api.post("/v1/branches", json(Map.of("name", "side")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record BodyRoute(String method, String path, Map<String, Object> validBody) {
    }

    static List<BodyRoute> routes() {
        return List.of(
                new BodyRoute("POST", "/v1/memories", Map.of("content", "x", "memory_type", "semantic",
                        "trust_tier", "T2", "initial_confidence", 0.5, "session_id", "s", "subject_id", "b",
                        "observed_at", "2026-01-01T00:00:00Z", "extra_metadata", Map.of("k", "v"))),
                new BodyRoute("POST", "/v1/memories/batch", Map.of("memories", List.of(Map.of("content", "x")))),
                new BodyRoute("POST", "/v1/memories/query", Map.of("memory_types", List.of("semantic"), "limit", 5)),
                new BodyRoute("POST", "/v1/memories/fulltext-search", Map.of("query", "fact", "limit", 5)),
                new BodyRoute("POST", "/v1/memories/retrieve", Map.of("query", "fact", "top_k", 3, "explain", true)),
                new BodyRoute("POST", "/v1/memories/search", Map.of("query", "fact", "memory_types", List.of("semantic"))),
                new BodyRoute("PUT", "/v1/memories/{mem}/correct", Map.of("new_content", "changed")),
                new BodyRoute("POST", "/v1/memories/correct", Map.of("query", "fact", "new_content", "changed")),
                new BodyRoute("POST", "/v1/memories/purge", Map.of("topic", "original")),
                new BodyRoute("POST", "/v1/observe", Map.of("messages", List.of(Map.of("role", "user", "content", "hi")))),
                new BodyRoute("POST", "/v1/memories/{mem}/feedback", Map.of("signal", "useful", "context", "c")),
                new BodyRoute("PUT", "/v1/retrieval-params", Map.of("feedback_weight", 0.2)),
                new BodyRoute("POST", "/v1/snapshots", Map.of("name", "s2", "description", "d")),
                new BodyRoute("POST", "/v1/snapshots/delete", Map.of("names", List.of("nothing"))),
                new BodyRoute("POST", "/v1/branches", Map.of("name", "b2")),
                new BodyRoute("POST", "/v1/branches/side/merge", Map.of("strategy", "accept")),
                new BodyRoute("POST", "/v1/branches/side/apply", Map.of("adds", List.of("x"))),
                new BodyRoute("POST", "/auth/keys", Map.of("user_id", "someone", "name", "k",
                        "expires_at", "2999-12-31 23:59:59")),
                new BodyRoute("POST", "/v1/governance", Map.of("force", false)));
    }

    /** What a refused request must leave unchanged: the user's memories, snapshots, branches and keys. */
    static String state() {
        return api.get("/v1/memories?limit=500").body() + api.get("/v1/snapshots?limit=500").json().get("total")
                + api.get("/v1/branches").json().get("branches") + api.get("/auth/keys").body();
    }

    static ApiClient.Response send(BodyRoute route, String contentType, byte[] body) {
        String path = route.path().replace("{mem}", memoryId);
        return switch (route.method()) {
            case "POST" -> api.postRaw(path, contentType, body);
            case "PUT" -> api.putRaw(path, contentType, body);
            default -> throw new IllegalArgumentException(route.method());
        };
    }

    @TestFactory
    Stream<DynamicTest> refusedRequestsAreClientErrorsAndChangeNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, byte[]> garbage = Map.of(
                "malformed JSON", "{\"content\": ".getBytes(StandardCharsets.UTF_8),
                "a JSON array", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8),
                "a JSON string", "\"text\"".getBytes(StandardCharsets.UTF_8),
                "invalid UTF-8", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                "a 3 MiB body", ("{\"content\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8),
                "deep nesting", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        for (BodyRoute route : routes()) {
            for (Map.Entry<String, byte[]> bad : garbage.entrySet()) {
                tests.add(DynamicTest.dynamicTest(route.method() + " " + route.path() + " with " + bad.getKey(), () -> {
                    String before = state();
                    ApiClient.Response response;
                    try {
                        response = send(route, "application/json", bad.getValue());
                    } catch (AssertionError connectionClosed) {
                        // The server refuses an oversized body from its Content-Length, answers 413 and closes the
                        // connection without reading the rest; a client still writing may see the reset instead.
                        assertThat(bad.getValue().length).isGreaterThan(2 * 1024 * 1024);
                        assertThat(state()).isEqualTo(before);
                        return;
                    }
                    assertThat(response.status()).as(response.body()).isBetween(400, 499);
                    assertThat(response.json().has("detail")).isTrue();
                    assertThat(state()).isEqualTo(before);
                }));
            }
            tests.add(DynamicTest.dynamicTest(route.method() + " " + route.path() + " as text/plain", () -> {
                String before = state();
                ApiClient.Response response = send(route, "text/plain", json(route.validBody()).getBytes());
                assertThat(response.status()).isEqualTo(415);
                assertThat(state()).isEqualTo(before);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> wrongTypesOddCharactersAndHugeNumbersNeverCauseServerErrors() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Object> replacements = List.of(Map.of("nested", true), List.of(1, "two"), 12345, true, "",
                "\u0000\u0007\u001b[31m ☃ 𝄞 中文 \uFEFF", 1e308, new java.math.BigInteger("9".repeat(90)), -1);
        for (BodyRoute route : routes()) {
            ObjectNode valid = MAPPER.valueToTree(route.validBody());
            for (Iterator<String> fields = valid.fieldNames(); fields.hasNext(); ) {
                String field = fields.next();
                for (Object replacement : replacements) {
                    tests.add(DynamicTest.dynamicTest(route.method() + " " + route.path() + " " + field + "="
                            + String.valueOf(replacement).replaceAll("\\p{Cntrl}", "?"), () -> {
                        ObjectNode body = valid.deepCopy();
                        body.set(field, MAPPER.valueToTree(replacement));
                        ApiClient.Response response = send(route, "application/json",
                                MAPPER.writeValueAsBytes(body));
                        assertThat(response.status()).as(response.body()).isLessThan(500);
                        if (response.status() >= 400) {
                            JsonNode error = response.json();
                            assertThat(error.get("detail").asText()).isNotBlank();
                            assertThat(error.get("code").asText()).isNotBlank();
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> badQueryStringsAreClientErrors() {
        return Stream.of("/v1/memories?limit=abc", "/v1/memories?limit=99999999999999999999",
                        "/v1/memories?cursor=%00%01", "/v1/memories?memory_type=nope", "/v1/memories?trust_tier=T0",
                        "/v1/memories?as_of=yesterday", "/v1/snapshots?limit=-5&offset=x", "/v1/snapshots/%E2%98%83",
                        "/v1/branches/..%2F..%2Fetc/diff", "/v1/memories/" + "z".repeat(5000),
                        "/v1/memories?as_of_snapshot=nope", "/admin/users?limit=abc", "/admin/users?limit=0",
                        "/admin/users?cursor=%00%01&limit=5", "/admin/users?limit=99999999999999999999",
                        "/admin/users/sweeper/call-stats?days=x", "/admin/users/sweeper/call-stats?days=100000",
                        "/admin/users/%E2%98%83/call-stats", "/admin/audit?limit=-1", "/admin/audit?limit=ten",
                        "/v1/health/hygiene?user_id=%00", "/v1/tool-usage?limit=x")
                .map(path -> DynamicTest.dynamicTest("GET " + path, () -> {
                    ApiClient.Response response = api.get(path);
                    assertThat(response.status()).as(response.body()).isLessThan(500);
                }));
    }
}
