package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.memoria.server.MemoriaServer;
import dev.memoria.server.http.ApiClient;
import dev.memoria.server.TestServers;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.memoria.server.mcp.McpTestClients.call;
import static dev.memoria.server.mcp.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streamable HTTP MCP at /mcp, driven by the SDK's own client against a real server; effects checked over REST. */
class McpHttpEndpointTest {

    static final String MASTER = "test-master-key-0123456789";
    static final Pattern STORED = Pattern.compile("^Stored memory ([^:]+): (.*)$");
    static final Pattern LINE = Pattern.compile("^\\[([^\\]]+)\\] \\(([^)]+)\\) ?(.*)$");

    @TempDir
    static Path dataDir;
    static MemoriaServer server;
    static ApiClient anonymous;
    static final List<McpSyncClient> clients = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServers.keywordOnly(dataDir, MASTER);
        anonymous = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        clients.forEach(McpSyncClient::closeGracefully);
        server.close();
    }

    /** A fresh user with an MCP client and a REST client acting as that user. */
    record Agent(String user, McpSyncClient mcp, ApiClient rest) {
        String call(String tool, Map<String, Object> args) {
            McpSchema.CallToolResult result = McpTestClients.call(mcp, tool, args);
            assertThat(result.isError()).as(tool + " -> " + text(result)).isFalse();
            return text(result);
        }

        String error(String tool, Map<String, Object> args) {
            McpSchema.CallToolResult result = McpTestClients.call(mcp, tool, args);
            assertThat(result.isError()).as(tool + " should fail, got: " + text(result)).isTrue();
            return text(result);
        }

        String store(String content) {
            Matcher m = STORED.matcher(call("memory_store", Map.of("content", content)));
            assertThat(m.matches()).isTrue();
            return m.group(1);
        }
    }

    static Agent agent() {
        String user = "mcp-" + UUID.randomUUID().toString().substring(0, 8);
        McpSyncClient client = McpTestClients.http(server.port(), Map.of("Authorization", "Bearer " + MASTER,
                "X-User-Id", user));
        client.initialize();
        clients.add(client);
        return new Agent(user, client, anonymous.asMaster(MASTER, user));
    }

    @Test
    void unauthenticatedRequestsAreRefusedBeforeJsonRpc() {
        ApiClient.Response none = anonymous.post("/mcp",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("code").asText()).isNotBlank();
        assertThat(none.json().get("detail").asText()).isEqualTo("Missing Bearer token");

        ApiClient.Response bad = anonymous.with("Authorization", "Bearer wrong")
                .post("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().has("detail")).isTrue();

        McpSyncClient anonymousClient = McpTestClients.http(server.port(), Map.of());
        try {
            assertThatThrownBy(anonymousClient::initialize).isNotNull();
        } finally {
            anonymousClient.close();
        }
    }

    @Test
    void initializeAndListTheCatalogueWithoutHiddenTools() {
        Agent a = agent();
        McpSchema.ListToolsResult tools = a.mcp().listTools();
        List<String> names = tools.tools().stream().map(McpSchema.Tool::name).toList();
        assertThat(names).containsExactly("memory_store", "memory_retrieve", "memory_search", "memory_correct",
                "memory_purge", "memory_profile", "memory_capabilities", "memory_list", "memory_governance",
                "memory_consolidate", "memory_reflect", "memory_feedback", "memory_observe", "memory_snapshot",
                "memory_snapshots", "memory_snapshot_delete", "memory_rollback",
                "memory_branch", "memory_branches", "memory_checkout", "memory_merge", "memory_pick",
                "memory_branch_delete", "memory_diff", "memory_apply");
        for (McpSchema.Tool tool : tools.tools()) {
            assertThat(tool.description()).as(tool.name()).isNotBlank();
            assertThat(tool.inputSchema().get("type")).isEqualTo("object");
        }
        McpSchema.Tool store = tools.tools().get(0);
        assertThat(store.inputSchema().get("required")).isEqualTo(List.of("content"));
        // hidden tools are callable all the same
        assertThat(a.call("memory_get_retrieval_params", Map.of())).contains("\"feedback_weight\"");
        assertThat(a.call("memory_tune_params", Map.of())).contains("Not enough feedback");
    }

    @Test
    void hiddenEntityToolsListCandidatesAndLinkWhatTheAgentExtracted() {
        Agent a = agent();
        // no names the write-time text rules recognise, so the memory stays unlinked
        String id = a.rest().post("/v1/memories", "{\"content\": \"she owns the login flow\"}").json()
                .get("memory_id").asText();

        // no LLM here: the memories to link come back for the agent to extract itself
        assertThat(a.call("memory_extract_entities", Map.of())).startsWith("{\"status\":\"candidates\",\"unlinked\":1,")
                .contains(id);
        String linked = a.call("memory_link_entities", Map.of("entities", "[{\"memory_id\": \"" + id
                + "\", \"entities\": [{\"name\": \"Alice\", \"type\": \"person\"}, {\"name\": \"auth-service\"}]}]"));
        assertThat(linked).isEqualTo("{\"status\":\"done\",\"entities_created\":2,\"entities_reused\":0,"
                + "\"edges_created\":2}");
        assertThat(a.call("memory_extract_entities", Map.of("mode", "candidates")))
                .isEqualTo("{\"status\":\"complete\",\"unlinked\":0}");
        assertThat(a.rest().get("/v1/entities").json().get("entities")).hasSize(2);

        assertThat(a.call("memory_link_entities", Map.of("entities", "not json"))).startsWith("{\"error\":\"entities is not valid JSON");
        assertThat(a.call("memory_link_entities", Map.of("entities", "[{\"entities\": []}]")))
                .isEqualTo("{\"error\":\"every item needs a memory_id string\"}");
        assertThat(a.error("memory_extract_entities", Map.of("mode", "telepathy"))).contains("mode must be");
    }

    @Test
    void storeRetrieveSearchListAndProfile() {
        Agent a = agent();
        String id = a.store("The staging cluster runs Kubernetes 1.30");
        JsonNode stored = a.rest().get("/v1/memories/" + id).json();
        assertThat(stored.get("content").asText()).isEqualTo("The staging cluster runs Kubernetes 1.30");
        assertThat(stored.get("user_id").asText()).isEqualTo(a.user());

        String withMeta = a.call("memory_store", Map.of("content", "Deploys happen on Tuesdays",
                "memory_type", "procedural", "trust_tier", "T2", "session_id", "s1",
                "extra_metadata", Map.of("source", "chat")));
        assertThat(withMeta).startsWith("Stored memory ");
        JsonNode procedural = a.rest().get("/v1/memories?memory_type=procedural").json().get("items").get(0);
        assertThat(procedural.get("trust_tier").asText()).isEqualTo("T2");
        assertThat(procedural.get("session_id").asText()).isEqualTo("s1");

        String retrieved = a.call("memory_retrieve", Map.of("query", "Kubernetes staging cluster"));
        Matcher line = LINE.matcher(retrieved.lines().findFirst().orElseThrow());
        assertThat(line.matches()).isTrue();
        assertThat(line.group(1)).isEqualTo(id);
        assertThat(line.group(2)).isEqualTo("semantic");

        assertThat(a.call("memory_search", Map.of("query", "Tuesdays deploys", "top_k", 3)))
                .contains("(procedural) Deploys happen on Tuesdays | metadata: {\"source\":\"chat\"}");
        assertThat(a.call("memory_retrieve", Map.of("query", "zebra giraffe"))).isEqualTo("No relevant memories found.");
        assertThat(a.call("memory_retrieve", Map.of("query", "Kubernetes", "explain", true)))
                .contains("\n\n--- explain ---\n").contains("\"path\"");

        assertThat(a.call("memory_list", Map.of("limit", 10)).lines()).hasSize(2);
        assertThat(a.call("memory_list", Map.of("memory_type", "working"))).isEqualTo("No memories found.");

        assertThat(a.call("memory_profile", Map.of())).isEqualTo("No profile memories found.");
        a.call("memory_store", Map.of("content", "Prefers dark mode", "memory_type", "profile"));
        assertThat(a.call("memory_profile", Map.of())).contains("Prefers dark mode");
        assertThat(a.call("memory_capabilities", Map.of())).contains("memory_store").contains("T1");
    }

    @Test
    void correctFeedbackObserveAndPurge() {
        Agent a = agent();
        String id = a.store("The office is in Berlin");
        String corrected = a.call("memory_correct", Map.of("memory_id", id, "new_content", "The office is in Munich"));
        Matcher m = Pattern.compile("^Corrected memory ([^:]+): The office is in Munich$").matcher(corrected);
        assertThat(m.matches()).isTrue();
        String newId = m.group(1);
        JsonNode history = a.rest().get("/v1/memories/" + newId + "/history").json();
        assertThat(history.get("total").asInt()).isEqualTo(2);

        assertThat(a.call("memory_correct", Map.of("query", "office Munich", "new_content", "The office is in Hamburg")))
                .startsWith("Corrected memory ").endsWith("The office is in Hamburg");
        assertThat(a.rest().get("/v1/memories").json().get("items").get(0).get("content").asText())
                .isEqualTo("The office is in Hamburg");

        String target = a.rest().get("/v1/memories").json().get("items").get(0).get("memory_id").asText();
        assertThat(a.call("memory_feedback", Map.of("memory_id", target, "signal", "useful")))
                .startsWith("Recorded feedback: memory=" + target + ", signal=useful, feedback_id=");
        assertThat(a.rest().get("/v1/feedback/stats").json().get("useful").asInt()).isEqualTo(1);

        String observed = a.call("memory_observe", Map.of("session_id", "chat-1", "messages", List.of(
                Map.of("role", "user", "content", "My cat is called Miso"),
                Map.of("role", "assistant", "content", "Noted, Miso the cat"))));
        assertThat(observed).contains("\"memories\"").contains("My cat is called Miso");
        assertThat(a.rest().get("/v1/memories?session_id=chat-1").json().get("items")).hasSize(2);

        String purged = a.call("memory_purge", Map.of("session_id", "chat-1"));
        assertThat(purged).startsWith("Purged 2 memory(s) for session 'chat-1'")
                .contains("\nSafety snapshot: ").contains("(use memory_rollback to undo)");
        assertThat(a.rest().get("/v1/memories?session_id=chat-1").json().get("items")).isEmpty();

        a.store("Lunch is at noon on Fridays");
        assertThat(a.call("memory_purge", Map.of("topic", "Lunch is")))
                .startsWith("Purged 1 memory(s) matching 'Lunch is'");
        String keep = a.store("Keep me");
        String drop = a.store("Drop me");
        assertThat(a.call("memory_purge", Map.of("memory_id", drop))).startsWith("Purged 1 memory(s)");
        assertThat(a.rest().get("/v1/memories/" + drop).status()).isEqualTo(404);
        assertThat(a.rest().get("/v1/memories/" + keep).status()).isEqualTo(200);
    }

    @Test
    void snapshotsBranchesAndRollback() {
        Agent a = agent();
        String base = a.store("Base fact before snapshot");
        assertThat(a.call("memory_snapshot", Map.of("name", "before", "description", "baseline")))
                .matches("^Snapshot 'before' created at .+$");
        assertThat(a.rest().get("/v1/snapshots").json().get("snapshots").toString()).contains("\"before\"");
        assertThat(a.call("memory_snapshots", Map.of())).startsWith("Snapshots (").contains("\nbefore (");

        assertThat(a.call("memory_branch", Map.of("name", "exp"))).isEqualTo("Created branch 'exp'");
        assertThat(a.call("memory_branches", Map.of())).isEqualTo("Branches:\nmain ← active\nexp");
        assertThat(a.call("memory_checkout", Map.of("name", "exp")))
                .isEqualTo("Switched to branch 'exp'. 1 memories on this branch.");
        String onBranch = a.store("Only on the experiment branch");
        assertThat(a.rest().get("/v1/memories?branch=main").json().get("items")).hasSize(1);
        assertThat(a.call("memory_diff", Map.of("source", "exp"))).startsWith("Diff 'exp' vs main:")
                .contains("[new] " + onBranch.substring(0, 8));
        assertThat(a.call("memory_checkout", Map.of("name", "main"))).isEqualTo("Switched to branch 'main'");
        assertThat(a.call("memory_apply", Map.of("source", "exp", "adds", List.of(onBranch))))
                .isEqualTo("Applied from 'exp': 1 added, 0 updated, 0 removed, 0 conflicts accepted");
        assertThat(a.call("memory_apply", Map.of("source", "exp"))).startsWith("Nothing to apply.");
        assertThat(a.rest().get("/v1/memories?branch=main").json().get("items")).hasSize(2);

        assertThat(a.call("memory_branch", Map.of("name", "exp2"))).isEqualTo("Created branch 'exp2'");
        a.call("memory_store", Map.of("content", "Merged in from exp2", "branch", "exp2"));
        assertThat(a.call("memory_merge", Map.of("source", "exp2", "strategy", "append")))
                .startsWith("Merged branch 'exp2' into main (1 new");
        assertThat(a.call("memory_branch_delete", Map.of("name", "exp2"))).isEqualTo("Deleted branch 'exp2'");
        assertThat(a.rest().get("/v1/branches").json().get("result").asText()).doesNotContain("exp2");

        assertThat(a.call("memory_rollback", Map.of("name", "before"))).isEqualTo("Rolled back to snapshot 'before'");
        JsonNode items = a.rest().get("/v1/memories?branch=main").json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("memory_id").asText()).isEqualTo(base);

        assertThat(a.call("memory_snapshot_delete", Map.of("names", "before")))
                .isEqualTo("Deleted 1 snapshot(s): before");
        assertThat(a.rest().get("/v1/snapshots").json().get("snapshots").toString()).doesNotContain("\"before\"");
    }

    @Test
    void governanceConsolidationAndReflectionHonourTheirCooldowns() {
        Agent a = agent();
        for (String fact : List.of("Team standup is at 9:30", "Standups last fifteen minutes",
                "The standup is held in room Aurora")) {
            a.call("memory_store", Map.of("content", fact, "session_id", "planning"));
        }
        a.call("memory_snapshot", Map.of("name", "manual"));
        a.call("memory_purge", Map.of("topic", "Aurora")); // leaves one safety snapshot
        a.call("memory_store", Map.of("content", "The standup is held in room Borealis", "session_id", "planning"));

        assertThat(a.call("memory_governance", Map.of())).isEqualTo(
                "Governance complete: quarantined=0, cleaned_stale=0. snapshots: 2 total, 50% auto-generated");
        // the tool started the same cooldown the REST route checks
        assertThat(a.rest().post("/v1/governance", "{}").json().get("skipped").asBoolean()).isTrue();
        assertThat(a.call("memory_governance", Map.of()))
                .matches("Governance skipped \\(cooldown: \\d+s remaining\\)\\. Use force=true to override\\.");
        assertThat(a.call("memory_governance", Map.of("force", true))).startsWith("Governance complete: ");

        assertThat(a.call("memory_consolidate", Map.of())).startsWith("Consolidation complete: status=")
                .contains(", conflicts_detected=").contains(", orphaned_scenes=").contains(", promoted=")
                .contains(", demoted=");
        assertThat(a.rest().post("/v1/consolidate", "{}").json().get("skipped").asBoolean()).isTrue();
        assertThat(a.call("memory_consolidate", Map.of("force", "true"))).startsWith("Consolidation complete: ");

        // no model configured: the clusters come back for the agent to synthesise
        String clusters = a.call("memory_reflect", Map.of());
        assertThat(clusters).contains("Cluster 1 (semantic_cluster, importance=0.650):")
                .contains("\n  - [semantic] Team standup is at 9:30").contains("memory_store");
        JsonNode candidates = a.rest().post("/v1/reflect", "{\"mode\":\"candidates\"}").json().get("candidates");
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).get("memories")).hasSize(3);
        assertThat(agent().call("memory_reflect", Map.of("mode", "candidates")))
                .startsWith("No memory clusters found for reflection.");
        assertThat(a.error("memory_reflect", Map.of("mode", "internal"))).isEqualTo("LLM_API_KEY not configured");
        assertThat(a.error("memory_reflect", Map.of("mode", "deep"))).contains("mode");
    }

    @Test
    void pickPreviewsThenTakesOnlyTheSelectedChanges() {
        Agent a = agent();
        a.store("Base fact on main");
        a.call("memory_branch", Map.of("name", "trial"));
        String wanted = storedId(a.call("memory_store", Map.of("content", "Keep this trial result", "branch", "trial")));
        a.call("memory_store", Map.of("content", "Discard this trial result", "branch", "trial"));
        Map<String, Object> selector = Map.of("type", "key_list", "keys", List.of(wanted));

        String preview = a.call("memory_pick", Map.of("source", "trial", "selector", selector, "dry_run", Map.of()));
        JsonNode json = readJson(preview);
        assertThat(json.get("dry_run").asBoolean()).isTrue();
        assertThat(json.get("summary").get("would_apply").asInt()).isEqualTo(1);
        assertThat(json.get("candidates").get(0).get("memory_id").asText()).isEqualTo(wanted);
        assertThat(a.rest().get("/v1/memories?branch=main").json().get("items")).hasSize(1);

        assertThat(a.call("memory_pick", Map.of("source", "trial", "selector", selector)))
                .isEqualTo("Picked 1 change(s) from branch 'trial' into 'main' (0 skipped)");
        assertThat(a.rest().get("/v1/memories?branch=main").json().get("items").toString())
                .contains("Keep this trial result").doesNotContain("Discard");
        assertThat(a.error("memory_pick", Map.of("source", "trial"))).contains("selector");
        assertThat(a.error("memory_pick", Map.of("source", "trial", "selector", Map.of("type", "retrieve",
                "query", "q", "top_k", 500)))).contains("top_k");
        assertThat(a.error("memory_pick", Map.of("source", "trial", "selector", selector, "oops", 1)))
                .startsWith("Unknown argument(s): oops");
    }

    private static String storedId(String text) {
        Matcher m = STORED.matcher(text);
        assertThat(m.matches()).as(text).isTrue();
        return m.group(1);
    }

    private static JsonNode readJson(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    @Test
    void clientMistakesAreToolErrors() {
        Agent a = agent();
        assertThat(a.error("memory_store", Map.of())).isEqualTo("content is required");
        assertThat(a.error("memory_store", Map.of("content", "x", "trust_tier", "T9"))).contains("T9");
        assertThat(a.error("memory_store", Map.of("content", "x", "memory_type", "bogus"))).contains("bogus");
        assertThat(a.error("memory_store", Map.of("content", "x", "extra_metadata", "nope")))
                .isEqualTo("extra_metadata must be an object");
        assertThat(a.error("memory_retrieve", Map.of("query", " "))).isEqualTo("query is required");
        assertThat(a.error("memory_retrieve", Map.of("query", "q", "top_k", "lots"))).contains("top_k");
        assertThat(a.error("memory_retrieve", Map.of("query", "q", "session_scope", "only")))
                .contains("session_id is required");
        assertThat(a.error("memory_correct", Map.of("new_content", "x"))).isEqualTo("Provide memory_id or query");
        assertThat(a.error("memory_correct", Map.of("memory_id", "0".repeat(32), "new_content", "x")))
                .contains("not found");
        assertThat(a.error("memory_correct", Map.of("query", "nothing here", "new_content", "x")))
                .isEqualTo("No matching memory found for query");
        assertThat(a.error("memory_purge", Map.of())).isEqualTo("Provide memory_id, topic, or session_id");
        assertThat(a.error("memory_purge", Map.of("topic", "abc", "session_id", "s")))
                .isEqualTo("Provide only one of memory_id(s), topic, or session_id");
        assertThat(a.error("memory_feedback", Map.of("memory_id", "0".repeat(32), "signal", "meh"))).contains("meh");
        assertThat(a.error("memory_observe", Map.of("messages", "hi"))).contains("messages");
        assertThat(a.error("memory_checkout", Map.of("name", "nowhere"))).contains("nowhere");
        assertThat(a.error("memory_store", Map.of("content", "x", "branch", "nowhere"))).contains("nowhere");
        assertThat(a.error("memory_rollback", Map.of("name", "nosuch"))).contains("nosuch");
        assertThat(a.error("memory_branch_delete", Map.of("name", "main"))).isEqualTo("Cannot delete main");
        assertThat(a.error("memory_branch_delete", Map.of("name", "ghost"))).isEqualTo("Branch 'ghost' not found");
        assertThat(a.error("memory_diff", Map.of("source", "x", "bogus", 1))).startsWith("Unknown argument(s): bogus");
        assertThat(a.error("memory_apply", Map.of("source", "x", "extra", 1))).startsWith("Unknown argument(s): extra");
        assertThat(a.error("memory_snapshot_delete", Map.of())).isEqualTo("Specify 'names', 'prefix', or 'older_than'");
        assertThat(a.error("memory_list", Map.of("limit", 0))).contains("limit");
        // the connection survives all of that
        assertThat(a.call("memory_list", Map.of())).isEqualTo("No memories found.");
    }

    @Test
    void eachClientActsOnlyAsItsAuthenticatedUser() {
        Agent alice = agent();
        Agent bob = agent();
        String secret = alice.store("Alice's locker code is 4711");
        assertThat(bob.call("memory_retrieve", Map.of("query", "locker code"))).isEqualTo("No relevant memories found.");
        assertThat(bob.call("memory_list", Map.of())).isEqualTo("No memories found.");
        assertThat(bob.error("memory_purge", Map.of("memory_id", secret))).contains("not found");
        assertThat(bob.error("memory_correct", Map.of("memory_id", secret, "new_content", "hijacked")))
                .contains("not found");
        assertThat(alice.rest().get("/v1/memories/" + secret).json().get("content").asText())
                .isEqualTo("Alice's locker code is 4711");
        assertThat(bob.rest().get("/v1/memories").json().get("items")).isEmpty();
    }
}
