package dev.memoria.server.mcp;

import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import io.modelcontextprotocol.client.McpSyncClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.memoria.server.mcp.McpTestClients.call;
import static dev.memoria.server.mcp.McpTestClients.text;
import static org.assertj.core.api.Assertions.assertThat;

/** With the bundled local embedding model, memory_retrieve over MCP finds a memory by meaning alone. */
class McpSemanticRetrievalTest {

    static final String MASTER = "semantic-master-key-0123456789";

    @TempDir
    Path dataDir;

    @Test
    void retrieveFindsByMeaning() {
        try (MemoriaServer server = TestServers.start(dataDir, MASTER, Map.of())) {
            McpSyncClient client = McpTestClients.http(server.port(), Map.of("Authorization", "Bearer " + MASTER,
                    "X-User-Id", "semantic"));
            try {
                client.initialize();
                for (String content : new String[]{"My daughter's birthday party is on the 14th of June",
                        "The production database runs PostgreSQL 16", "I usually commute to work by bicycle"}) {
                    assertThat(text(call(client, "memory_store", Map.of("content", content)))).startsWith("Stored memory ");
                }
                String hit = text(call(client, "memory_retrieve", Map.of("query", "When is the kid's celebration?",
                        "top_k", 1)));
                assertThat(hit.lines()).hasSize(1);
                assertThat(hit).contains("birthday party");
            } finally {
                client.closeGracefully();
            }
        }
    }
}
