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

    /**
     * @param fieldsChecked false when the route refuses for another reason before it reads its fields (so wrong field
     *                      types cannot be told apart); malformed bodies are still swept
     */
    record BodyRoute(String method, String path, Map<String, Object> validBody, boolean fieldsChecked) {
        BodyRoute(String method, String path, Map<String, Object> validBody) {
            this(method, path, validBody, true);
        }
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
                new BodyRoute("POST", "/v1/branches/{side}/merge", Map.of("strategy", "accept")),
                new BodyRoute("POST", "/v1/branches/{side}/apply", Map.of("adds", List.of("x"))),
                new BodyRoute("POST", "/auth/keys", Map.of("user_id", "someone", "name", "k",
                        "expires_at", "2999-12-31 23:59:59")),
                new BodyRoute("POST", "/v1/governance", Map.of("force", false)),
                new BodyRoute("POST", "/v1/consolidate", Map.of("force", false)),
                new BodyRoute("POST", "/v1/reflect", Map.of("mode", "candidates", "force", false)),
                new BodyRoute("POST", "/v1/extract-entities", Map.of("mode", "candidates")),
                new BodyRoute("POST", "/v1/extract-entities/link", Map.of("entities", List.of(Map.of("memory_id", "x",
                        "entities", List.of(Map.of("name", "Berlin", "type", "location")))))),
                // without an LLM (as here) the summary is refused with 503 right after the body is parsed
                new BodyRoute("POST", "/v1/sessions/{s1}/summary", Map.of("mode", "lightweight", "focus_topics",
                        List.of("a"), "subject_id", "b"), false),
                new BodyRoute("POST", "/v1/branches/{side}/pick", Map.of("selector", Map.of("type", "key_list",
                        "keys", List.of("x")), "dry_run", Map.of())),
                new BodyRoute("POST", "/admin/plugins", Map.of("package", Map.of("manifest", Map.of("name", "p")))),
                new BodyRoute("POST", "/admin/plugins/signers", Map.of("signer", "s", "public_key", "k", "actor", "a")),
                new BodyRoute("POST", "/admin/plugins/signers/{nobody}/revoke", Map.of("actor", "a")),
                new BodyRoute("POST", "/admin/plugins/{some-plugin}/{1.0.0}/review", Map.of("status", "approved",
                        "notes", "n", "actor", "a")),
                new BodyRoute("POST", "/admin/plugins/{some-plugin}/{1.0.0}/score", Map.of("score", 0.5, "notes", "n")),
                new BodyRoute("POST", "/admin/plugins/domains/{governance}/bindings", Map.of("plugin_key", "k",
                        "version_selector", "*", "binding_key", "b", "subject_key", "s", "selector_value", "v")),
                new BodyRoute("POST", "/admin/plugins/domains/{governance}/activate", Map.of("plugin_key", "k",
                        "version", "1.0.0")));
    }

    /** Registered routes that take a body but are swept elsewhere or never read it, and why. */
    static final Map<String, String> NOT_SWEPT_HERE = Map.of(
            "POST /mcp", "JSON-RPC, swept by McpBadInputSweepTest",
            "POST /v1/branches/{}/checkout", "reads no body",
            "POST /v1/snapshots/{}/rollback", "reads no body",
            "PUT /auth/keys/{}/rotate", "reads no body",
            "POST /admin/users/{}/reset-access-counts", "reads no body",
            "POST /v1/retrieval-params/tune", "reads no body",
            "POST /admin/governance/{}/trigger", "reads no body (the operation is a query parameter)");

    /** What "reads no body" above means: garbage there is never a server error, and never an exception's text. */
    @TestFactory
    Stream<DynamicTest> routesThatReadNoBodyShrugOffGarbage() {
        String keyId = api.post("/auth/keys", json(Map.of("user_id", "sweeper", "name", "rotated")))
                .json().get("key_id").asText();
        return Stream.of("POST /v1/branches/{main}/checkout", "POST /v1/snapshots/{base}/rollback",
                        "PUT /auth/keys/{" + keyId + "}/rotate", "POST /admin/users/{sweeper}/reset-access-counts",
                        "POST /v1/retrieval-params/tune", "POST /admin/governance/{sweeper}/trigger?op=governance")
                .map(route -> DynamicTest.dynamicTest(route, () -> {
                    String method = route.substring(0, route.indexOf(' '));
                    assertThat(NOT_SWEPT_HERE).containsKey(method + " "
                            + RoutePatterns.normalise(route.substring(route.indexOf(' ') + 1)));
                    BodyRoute bodyless = new BodyRoute(method, route.substring(route.indexOf(' ') + 1), Map.of());
                    ApiClient.Response response = send(bodyless, "application/json",
                            "{\"content\": [[[".getBytes(StandardCharsets.UTF_8));
                    assertThat(response.status()).as(response.body()).isLessThan(500);
                    assertThat(response.body()).doesNotContain("Exception", "java.");
                }));
    }

    /** Every registered route that can carry a body is swept here or listed, with a reason, as not. */
    @org.junit.jupiter.api.Test
    void everyRegisteredRouteWithABodyIsSwept() {
        List<String> registered = server.routes().stream()
                .filter(r -> List.of("POST", "PUT", "PATCH").contains(r.method()))
                .map(r -> r.method() + " " + RoutePatterns.normalise(r.path())).sorted().toList();
        List<String> covered = new ArrayList<>(routes().stream()
                .map(r -> r.method() + " " + RoutePatterns.normalise(r.path())).toList());
        covered.addAll(NOT_SWEPT_HERE.keySet());

        assertThat(covered).as("swept or listed routes vs registered routes with a body")
                .containsExactlyInAnyOrderElementsOf(registered);
    }

    /** What a refused request must leave unchanged: the user's memories, snapshots, branches and keys. */
    static String state() {
        return api.get("/v1/memories?limit=500").body() + api.get("/v1/snapshots?limit=500").json().get("total")
                + api.get("/v1/branches").json().get("branches") + api.get("/auth/keys").body();
    }

    /** {@code {mem}} is the sweeper's memory; any other {@code {x}} is the literal x, marked as a path parameter. */
    static String resolve(String path) {
        return path.replace("{mem}", memoryId).replaceAll("\\{([^}]*)}", "$1");
    }

    static ApiClient.Response send(BodyRoute route, String contentType, byte[] body) {
        String path = resolve(route.path());
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
        for (BodyRoute route : routes().stream().filter(BodyRoute::fieldsChecked).toList()) {
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
