package dev.memoria.server.mcp;

import java.util.List;

/** The names of every MCP tool this build serves, hidden ones included: what an agent may auto-approve. */
public final class ToolNames {

    private ToolNames() {
    }

    public static List<String> all() {
        return ToolCatalog.all().stream().map(ToolSpec::name).toList();
    }
}
