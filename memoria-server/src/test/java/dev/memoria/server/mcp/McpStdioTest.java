package dev.memoria.server.mcp;

import dev.memoria.server.MemoriaServer;
import dev.memoria.server.http.ApiClient;
import dev.memoria.server.TestServers;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.memoria.server.mcp.McpTestClients.call;
import static dev.memoria.server.mcp.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code Main mcp} as a child process over stdio, with the SDK's stdio client: embedded and remote mode. */
class McpStdioTest {

    static final String MASTER = "stdio-master-key-0123456789";
    static final Pattern STORED = Pattern.compile("^Stored memory ([^:]+): (.*)$");

    @TempDir
    Path dataDir;

    private static String ok(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = call(client, tool, args);
        assertThat(result.isError()).as(tool + " -> " + text(result)).isFalse();
        return text(result);
    }

    private static String failed(McpSyncClient client, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult result = call(client, tool, args);
        assertThat(result.isError()).as(tool + " should fail: " + text(result)).isTrue();
        return text(result);
    }

    @Test
    void embeddedModeWorksOnLocalStorageAsTheGivenUser() {
        String id;
        McpSyncClient client = McpTestClients.stdio(List.of("--user", "stdio-user"), Map.of(
                "MEMORIA_DATA_DIR", dataDir.toString(), "MEMORIA_EMBEDDING_PROVIDER", "none"));
        try {
            client.initialize();
            assertThat(client.listTools().tools()).hasSize(25);
            Matcher stored = STORED.matcher(ok(client, "memory_store", Map.of("content", "Embedded stdio fact")));
            assertThat(stored.matches()).isTrue();
            id = stored.group(1);
            assertThat(ok(client, "memory_retrieve", Map.of("query", "stdio fact")))
                    .startsWith("[" + id + "] (semantic) Embedded stdio fact");
            assertThat(ok(client, "memory_snapshot", Map.of("name", "s1"))).startsWith("Snapshot 's1' created at ");
            assertThat(ok(client, "memory_get_retrieval_params", Map.of())).contains("\"user_id\" : \"stdio-user\"");
            assertThat(failed(client, "memory_store", Map.of())).isEqualTo("content is required");
        } finally {
            client.closeGracefully();
        }
        // The child has exited and released the database: the REST server sees what it wrote, for that user.
        try (MemoriaServer server = TestServers.keywordOnly(dataDir, MASTER)) {
            ApiClient rest = new ApiClient(server.port()).asMaster(MASTER, "stdio-user");
            assertThat(rest.get("/v1/memories/" + id).json().get("content").asText()).isEqualTo("Embedded stdio fact");
            assertThat(new ApiClient(server.port()).asMaster(MASTER, "someone-else").get("/v1/memories").json()
                    .get("items")).isEmpty();
        }
    }

    @Test
    void remoteModeBridgesEveryToolToTheServersMcpEndpoint() {
        try (MemoriaServer server = TestServers.keywordOnly(dataDir, MASTER)) {
            ApiClient rest = new ApiClient(server.port()).asMaster(MASTER, "remote-user");
            McpSyncClient client = McpTestClients.stdio(List.of("--api-url", "http://127.0.0.1:" + server.port(),
                    "--token", MASTER, "--user", "remote-user"), Map.of("MEMORIA_DATA_DIR", dataDir.resolve("unused")
                    .toString()));
            try {
                client.initialize();
                assertThat(client.listTools().tools()).hasSize(25);
                String id = storedId(ok(client, "memory_store", Map.of("content", "Remote fact about Postgres",
                        "extra_metadata", Map.of("k", "v"))));
                assertThat(rest.get("/v1/memories/" + id).json().get("content").asText())
                        .isEqualTo("Remote fact about Postgres");
                assertThat(ok(client, "memory_retrieve", Map.of("query", "Postgres")))
                        .isEqualTo("[" + id + "] (semantic) Remote fact about Postgres | metadata: {\"k\":\"v\"}");
                assertThat(ok(client, "memory_search", Map.of("query", "Postgres", "explain", "verbose")))
                        .contains("--- explain ---");
                assertThat(ok(client, "memory_list", Map.of())).startsWith("[" + id + "]");
                String corrected = ok(client, "memory_correct", Map.of("memory_id", id,
                        "new_content", "Remote fact about MariaDB"));
                assertThat(corrected).startsWith("Corrected memory ").endsWith(": Remote fact about MariaDB");
                assertThat(ok(client, "memory_correct", Map.of("query", "MariaDB", "new_content",
                        "Remote fact about SQLite"))).endsWith("SQLite");
                String current = rest.get("/v1/memories").json().get("items").get(0).get("memory_id").asText();
                assertThat(ok(client, "memory_feedback", Map.of("memory_id", current, "signal", "wrong")))
                        .startsWith("Recorded feedback: memory=" + current + ", signal=wrong");
                assertThat(rest.get("/v1/feedback/stats").json().get("wrong").asInt()).isEqualTo(1);
                assertThat(ok(client, "memory_observe", Map.of("messages", List.of(Map.of("role", "user",
                        "content", "I live in Lisbon"))))).contains("I live in Lisbon");
                ok(client, "memory_store", Map.of("content", "Remote profile: vegetarian", "memory_type", "profile"));
                assertThat(ok(client, "memory_profile", Map.of())).contains("vegetarian");
                assertThat(ok(client, "memory_capabilities", Map.of())).contains("memory_retrieve");

                assertThat(ok(client, "memory_snapshot", Map.of("name", "r1"))).startsWith("Snapshot 'r1' created at ");
                assertThat(ok(client, "memory_snapshots", Map.of())).startsWith("Snapshots (").contains("\nr1 (");
                assertThat(ok(client, "memory_purge", Map.of("topic", "Lisbon")))
                        .startsWith("Purged 1 memory(s) matching 'Lisbon'").contains("Safety snapshot: ");
                assertThat(ok(client, "memory_rollback", Map.of("name", "r1"))).isEqualTo("Rolled back to snapshot 'r1'");
                assertThat(rest.get("/v1/memories").json().get("items").toString()).contains("Lisbon");
                assertThat(ok(client, "memory_branch", Map.of("name", "rb"))).isEqualTo("Created branch 'rb'");
                assertThat(ok(client, "memory_branches", Map.of())).isEqualTo("Branches:\nmain ← active\nrb");
                assertThat(ok(client, "memory_checkout", Map.of("name", "rb"))).startsWith("Switched to branch 'rb'.");
                String onBranch = storedId(ok(client, "memory_store", Map.of("content", "Remote branch-only fact")));
                ok(client, "memory_checkout", Map.of("name", "main"));
                assertThat(ok(client, "memory_diff", Map.of("source", "rb"))).contains("[new] " + onBranch.substring(0, 8));
                assertThat(ok(client, "memory_apply", Map.of("source", "rb", "adds", List.of(onBranch))))
                        .isEqualTo("Applied from 'rb': 1 added, 0 updated, 0 removed, 0 conflicts accepted");
                String picked = storedId(ok(client, "memory_store", Map.of("content", "Remote pick candidate",
                        "branch", "rb")));
                assertThat(ok(client, "memory_pick", Map.of("source", "rb", "selector", Map.of("type", "key_list",
                        "keys", List.of(picked)), "dry_run", Map.of()))).contains("\"would_apply\" : 1");
                assertThat(ok(client, "memory_pick", Map.of("source", "rb", "selector", Map.of("type", "key_list",
                        "keys", List.of(picked))))).isEqualTo("Picked 1 change(s) from branch 'rb' into 'main' (0 skipped)");
                assertThat(ok(client, "memory_merge", Map.of("source", "rb"))).startsWith("Merged branch 'rb' into main");
                assertThat(ok(client, "memory_branch_delete", Map.of("name", "rb"))).isEqualTo("Deleted branch 'rb'");
                assertThat(ok(client, "memory_snapshot_delete", Map.of("names", List.of("r1"))))
                        .isEqualTo("Deleted 1 snapshot(s): r1");
                assertThat(ok(client, "memory_purge", Map.of("memory_id", current + "," + onBranch)))
                        .startsWith("Purged ");
                assertThat(ok(client, "memory_get_retrieval_params", Map.of())).contains("\"user_id\" : \"remote-user\"");
                assertThat(ok(client, "memory_tune_params", Map.of())).contains("Not enough feedback");
                assertThat(ok(client, "memory_extract_entities", Map.of("mode", "candidates"))).startsWith("{\"status\":");
                assertThat(ok(client, "memory_link_entities", Map.of("entities", "[{\"memory_id\": \"" + current
                        + "\", \"entities\": [{\"name\": \"Berlin\", \"type\": \"location\"}]}]")))
                        .isEqualTo("{\"status\":\"done\",\"entities_created\":1,\"entities_reused\":0,\"edges_created\":1}");
                assertThat(ok(client, "memory_link_entities", Map.of("entities", "[1]")))
                        .isEqualTo("{\"error\":\"every item needs a memory_id string\"}");
                assertThat(ok(client, "memory_governance", Map.of())).startsWith("Governance complete: quarantined=")
                        .contains("% auto-generated");
                assertThat(ok(client, "memory_governance", Map.of())).startsWith("Governance skipped (cooldown: ");
                assertThat(ok(client, "memory_consolidate", Map.of("force", true)))
                        .startsWith("Consolidation complete: status=");
                assertThat(ok(client, "memory_reflect", Map.of("mode", "candidates")))
                        .satisfiesAnyOf(t -> assertThat(t).startsWith("No memory clusters"),
                                t -> assertThat(t).contains("Cluster 1 ("));

                // refusals are the server's own tool errors, word for word as on its /mcp
                McpSyncClient http = McpTestClients.http(server.port(), Map.of("Authorization", "Bearer " + MASTER,
                        "X-User-Id", "remote-user"));
                try {
                    http.initialize();
                    assertThat(client.listTools().tools()).isEqualTo(http.listTools().tools());
                    List<Map.Entry<String, Map<String, Object>>> refusals = List.of(
                            Map.entry("memory_checkout", Map.of("name", "nowhere")),
                            Map.entry("memory_store", Map.of("content", "x", "trust_tier", "T9")),
                            Map.entry("memory_purge", Map.of()),
                            Map.entry("memory_purge", Map.of("topic", "abc", "session_id", "s")),
                            Map.entry("memory_snapshot_delete", Map.of("older_than", "yesterday")),
                            Map.entry("memory_branch", Map.of("name", "tb", "from_timestamp", "noon")),
                            Map.entry("memory_reflect", Map.of("mode", "internal")));
                    for (Map.Entry<String, Map<String, Object>> refusal : refusals) {
                        String viaStdio = failed(client, refusal.getKey(), refusal.getValue());
                        assertThat(viaStdio).as(refusal.toString())
                                .isEqualTo(failed(http, refusal.getKey(), refusal.getValue()));
                        McpLeaks.assertNoInternals(viaStdio);
                    }
                } finally {
                    http.closeGracefully();
                }
                assertThat(failed(client, "memory_checkout", Map.of("name", "nowhere")))
                        .isEqualTo("Branch 'nowhere' not found");
                assertThat(failed(client, "memory_branch_delete", Map.of("name", "ghost")))
                        .isEqualTo("Branch 'ghost' not found");
            } finally {
                client.closeGracefully();
            }
        }
    }

    @Test
    void remoteModeSaysPlainlyWhenTheServerRefusesOrIsGone() {
        int port;
        try (MemoriaServer server = TestServers.keywordOnly(dataDir, MASTER)) {
            port = server.port();
            McpSyncClient client = McpTestClients.stdio(List.of("--api-url", "http://127.0.0.1:" + port,
                    "--token", "not-the-master-key-at-all"), Map.of());
            try {
                client.initialize();
                // the server would not list its tools for this token: the catalogue stands in
                assertThat(client.listTools().tools()).hasSize(25);
                String refused = failed(client, "memory_store", Map.of("content", "x"));
                assertThat(refused).contains("refused the credentials (HTTP 401)");
                McpLeaks.assertNoInternals(refused);
            } finally {
                client.closeGracefully();
            }
        }
        // the server has stopped: nothing listens on its port any more
        McpSyncClient client = McpTestClients.stdio(List.of("--api-url", "http://127.0.0.1:" + port,
                "--token", MASTER), Map.of());
        try {
            client.initialize();
            assertThat(client.listTools().tools()).hasSize(25);
            String gone = failed(client, "memory_retrieve", Map.of("query", "x"));
            assertThat(gone).contains("did not answer");
            McpLeaks.assertNoInternals(gone);
        } finally {
            client.closeGracefully();
        }
    }

    private static String storedId(String text) {
        Matcher m = STORED.matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        return m.group(1);
    }
}
