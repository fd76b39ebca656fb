package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import dev.memoria.server.auth.Authenticator;
import io.javalin.config.JavalinConfig;

/** Streamable HTTP MCP endpoint at {@code /mcp}. (Being implemented.) */
public final class McpHttpEndpoint {

    private McpHttpEndpoint() {
    }

    public static void install(JavalinConfig config, Memoria memoria, Authenticator authenticator, ObjectMapper mapper) {
        // installed by the MCP implementation
    }
}
