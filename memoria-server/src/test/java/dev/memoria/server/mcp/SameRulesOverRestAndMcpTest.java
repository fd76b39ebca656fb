package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import dev.memoria.server.http.ApiClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.memoria.server.mcp.McpTestClients.call;
import static dev.memoria.server.mcp.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same odd inputs sent to a REST route and to the MCP tool that does the same thing: both accept, or both
 * refuse with the same words, because both call the one parser (timestamps, purge selectors, LLM modes).
 */
class SameRulesOverRestAndMcpTest {

    static final String MASTER = "same-rules-master-key-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicInteger NAMES = new AtomicInteger();

    /** Accepted spellings of a point in time, and refused ones, for every field that takes one. */
    static final List<String> TIMESTAMPS = List.of("2025-01-01 10:00:00", " 2025-01-01 10:00:00 ", "2025-01-01",
            "2025-01-01T10:00:00Z", "2025-01-01T10:00:00", "2025-01-01 10:00:00+02:00", "2025-01-01t10:00:00z",
            "2025-01-01T10:00:00.123456Z", "\t2025-01-01T10:00:00Z\n",
            "yesterday", "2025-13-01", "01/02/2025", "2025-01-01 25:00:00", "2025-01-01T10:00:00+2", "2025",
            "2025-01-01  10:00:00", "1735725600");

    @TempDir
    static Path dataDir;
    static MemoriaServer server;
    static ApiClient rest;
    static McpSyncClient mcp;

    @BeforeAll
    static void start() {
        server = TestServers.keywordOnly(dataDir, MASTER);
        rest = new ApiClient(server.port()).asMaster(MASTER, "same-rules");
        mcp = McpTestClients.http(server.port(), Map.of("Authorization", "Bearer " + MASTER,
                "X-User-Id", "same-rules"));
        mcp.initialize();
    }

    @AfterAll
    static void stop() {
        mcp.closeGracefully();
        server.close();
    }

    /** What one side said: accepted or not, and the words of a refusal. */
    record Verdict(boolean accepted, String refusal) {
    }

    static Verdict overRest(String path, Map<String, Object> body) throws Exception {
        ApiClient.Response response = rest.post(path, JSON.writeValueAsString(body));
        if (response.status() < 400) {
            return new Verdict(true, null);
        }
        // a refusal, never a failure (503: no model configured)
        assertThat(response.status()).as(path + " " + body + " -> " + response.body())
                .satisfiesAnyOf(s -> assertThat(s).isBetween(400, 499), s -> assertThat(s).isEqualTo(503))
                .isNotEqualTo(404);
        return new Verdict(false, response.json().path("detail").asText());
    }

    static Verdict overMcp(String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = call(mcp, tool, arguments);
        McpLeaks.assertNoInternals(text(result));
        return Boolean.TRUE.equals(result.isError()) ? new Verdict(false, text(result)) : new Verdict(true, null);
    }

    static void assertSame(String what, Verdict viaRest, Verdict viaMcp) {
        assertThat(viaMcp).as(what + ": MCP answered as REST did").isEqualTo(viaRest);
    }

    @Test
    void olderThanIsParsedTheSameWay() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (String value : TIMESTAMPS) {
            Verdict viaRest = overRest("/v1/snapshots/delete", Map.of("older_than", value));
            assertSame("older_than=" + value, viaRest, overMcp("memory_snapshot_delete", Map.of("older_than", value)));
            if (viaRest.accepted()) {
                accepted.add(value);
            }
        }
        // the case: REST used to refuse the form the MCP tool (and the docs) accept
        assertThat(accepted).contains("2025-01-01 10:00:00", " 2025-01-01 10:00:00 ", "2025-01-01",
                "2025-01-01T10:00:00Z").doesNotContain("yesterday", "2025-13-01", "1735725600");
    }

    @Test
    void fromTimestampIsParsedTheSameWay() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (String value : TIMESTAMPS) {
            Verdict viaRest = overRest("/v1/branches", Map.of("name", "r" + NAMES.incrementAndGet(),
                    "from_timestamp", value));
            Verdict viaMcp = overMcp("memory_branch", Map.of("name", "m" + NAMES.incrementAndGet(),
                    "from_timestamp", value));
            assertSame("from_timestamp=" + value, viaRest, viaMcp);
            if (viaRest.accepted()) {
                accepted.add(value);
            }
            rest.delete("/v1/branches/r" + (NAMES.get() - 1));
            rest.delete("/v1/branches/m" + NAMES.get());
        }
        // whitespace around the value used to be trimmed by the MCP tool only
        assertThat(accepted).contains(" 2025-01-01 10:00:00 ", "\t2025-01-01T10:00:00Z\n")
                .doesNotContain("yesterday", "01/02/2025");
    }

    @Test
    void asOfIsParsedAsTheOtherTimestamps() throws Exception {
        for (String value : TIMESTAMPS) {
            Verdict asOf = overRest("/v1/memories/retrieve", Map.of("query", "anything", "as_of", value));
            Verdict olderThan = overRest("/v1/snapshots/delete", Map.of("older_than", value));
            assertThat(asOf.accepted()).as("as_of=" + value).isEqualTo(olderThan.accepted());
        }
    }

    @Test
    void purgeSelectorsFollowOneRule() throws Exception {
        List<Map<String, Object>> odd = List.of(
                Map.of("memory_ids", List.of("0190d3a5e7c07000a000000000000000"), "topic", "something"),
                Map.of("topic", "something", "session_id", "s1"),
                Map.of("memory_ids", List.of("0190d3a5e7c07000a000000000000000"), "session_id", "s1"),
                Map.of("topic", "ab"),
                Map.of("topic", "  ab  "),
                Map.of("memory_types", List.of("working")),
                Map.of("topic", "no such words here"));
        for (Map<String, Object> body : odd) {
            assertSame("purge " + body, overRest("/v1/memories/purge", body), overMcp("memory_purge", body));
        }
        assertThat(overMcp("memory_purge", Map.of("topic", "abc", "session_id", "s")).refusal())
                .isEqualTo("Provide only one of memory_id(s), topic, or session_id");
    }

    @Test
    void llmModesAreReadTheSameWay() throws Exception {
        rest.post("/v1/memories", JSON.writeValueAsString(Map.of("content", "A memory for the mode checks")));
        for (String mode : List.of("candidates", " candidates ", "auto", "", "internal", "CANDIDATES", "bogus", "0")) {
            Map<String, Object> args = new LinkedHashMap<>(Map.of("mode", mode, "force", true));
            assertSame("reflect mode=" + mode, overRest("/v1/reflect", args), overMcp("memory_reflect", args));
            assertSame("extract mode=" + mode, overRest("/v1/extract-entities", Map.of("mode", mode)),
                    overMcp("memory_extract_entities", Map.of("mode", mode)));
        }
        // no model is configured here: internal is refused over both, with the same words
        assertThat(overMcp("memory_reflect", Map.of("mode", "internal")).refusal())
                .isEqualTo("LLM_API_KEY not configured");
    }

    @Test
    void snapshotPagesAreTheSameOverRestAndMcp() throws Exception {
        ApiClient pager = new ApiClient(server.port()).asMaster(MASTER, "pager");
        McpSyncClient pagerMcp = McpTestClients.http(server.port(), Map.of("Authorization", "Bearer " + MASTER,
                "X-User-Id", "pager"));
        try {
            pagerMcp.initialize();
            for (int i = 0; i < 5; i++) {
                pager.post("/v1/memories", JSON.writeValueAsString(Map.of("content", "paged fact " + i)));
                assertThat(pager.post("/v1/snapshots", JSON.writeValueAsString(Map.of("name", "page" + i))).status())
                        .isEqualTo(201);
            }
            var page = pager.get("/v1/snapshots?limit=2&offset=1").json();
            assertThat(page.get("total").asInt()).isEqualTo(5);
            assertThat(page.get("has_more").asBoolean()).isTrue();
            assertThat(page.get("snapshots").findValuesAsText("name")).containsExactly("page3", "page2");
            assertThat(page.get("snapshots").get(0).get("memory_count").asInt()).isEqualTo(4);
            String viaMcp = text(call(pagerMcp, "memory_snapshots", Map.of("limit", 2, "offset", 1)));
            assertThat(viaMcp).isEqualTo(page.get("result").asText().replace("Snapshots (0):", "No snapshots found."));
            assertThat(pager.get("/v1/snapshots?limit=2&offset=4").json().get("has_more").asBoolean()).isFalse();
            assertThat(pager.get("/v1/snapshots?limit=2&offset=9").json().get("snapshots")).isEmpty();
        } finally {
            pagerMcp.closeGracefully();
        }
    }
}
