package dev.memoria.server.onboarding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code memoria} MCP server entry an agent launches: this jar's {@code mcp} command, embedded (local storage)
 * or proxying to a server, with every tool auto-approved so the agent does not ask before each memory call.
 */
record McpEntry(String command, List<String> args, List<String> autoApprove) {

    static McpEntry of(String jar, String user, String apiUrl, String token, List<String> tools) {
        List<String> args = new ArrayList<>(List.of("-jar", jar, "mcp", "--user", user));
        if (apiUrl != null) {
            args.addAll(List.of("--api-url", apiUrl, "--token", token));
        }
        return new McpEntry("java", List.copyOf(args), List.copyOf(tools));
    }

    /** The JSON object form, as {@code mcpServers.memoria}. */
    Map<String, Object> json() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("command", command);
        entry.put("args", args);
        entry.put("autoApprove", autoApprove);
        entry.put("env", Map.of());
        return entry;
    }

    /** The TOML table form, as {@code [mcp_servers.memoria]} in codex's config. */
    String toml() {
        StringBuilder text = new StringBuilder("[mcp_servers.memoria]\n");
        text.append("command = ").append(quoted(command)).append('\n');
        text.append("args = [").append(String.join(", ", args.stream().map(McpEntry::quoted).toList())).append("]\n");
        return text.toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
