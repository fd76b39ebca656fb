package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;

/** What every Memoria MCP server shares: its identity, its instructions and the embedded tool set. */
final class McpServers {

    static final String NAME = "memoria";
    static final String VERSION = "0.1.0";
    static final String INSTRUCTIONS = """
            Memoria is the user's persistent memory. Call memory_retrieve at the start of a task to recall relevant \
            context, memory_store when the user states a durable fact or preference, memory_correct when a memory \
            is wrong and memory_purge when asked to forget. Snapshot and branch tools version the memory.""";

    private McpServers() {
    }

    /** The tools run directly on a facade: the HTTP endpoint and embedded stdio mode. */
    static ToolRegistry embedded(Memoria memoria) {
        return new ToolRegistry(ToolRegistry.merge(List.of(new MemoryTools(memoria).handlers(),
                new VersionTools(memoria).handlers(), new TuningTools(memoria).handlers(),
                new GovernanceTools(memoria).handlers(), new EntityTools(memoria).handlers())));
    }

    /** The SDK's JSON mapper on a private Jackson instance: protocol messages carry fields we do not model. */
    static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                false));
    }

    static McpSchema.ServerCapabilities capabilities() {
        return McpSchema.ServerCapabilities.builder().tools(false).build();
    }
}
