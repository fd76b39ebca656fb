package dev.memoria.server.onboarding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The coding agents {@code init} configures, with where each keeps its MCP servers and its rules. The layouts are
 * the agents' own conventions (the same the existing Memoria CLI writes to).
 *
 * @param configPath   the MCP configuration, relative to the project (or to the home directory for codex)
 * @param inHome       whether {@code configPath} is under the user's home directory rather than the project
 * @param rulesDir     where rule files go, relative to the project; null when the agent has no rule files
 * @param ruleSuffix   the rule files' extension
 * @param markers      project entries whose presence means the project uses the agent
 */
public record AgentTool(String name, String configPath, boolean inHome, String rulesDir, String ruleSuffix,
                        List<String> markers) {

    public static final List<AgentTool> ALL = List.of(
            new AgentTool("claude", ".mcp.json", false, ".claude/rules", ".md", List.of(".mcp.json", ".claude")),
            new AgentTool("cursor", ".cursor/mcp.json", false, ".cursor/rules", ".mdc", List.of(".cursor")),
            new AgentTool("kiro", ".kiro/settings/mcp.json", false, ".kiro/steering", ".md", List.of(".kiro")),
            new AgentTool("gemini", ".gemini/settings.json", false, ".gemini", ".md", List.of(".gemini")),
            new AgentTool("codex", ".codex/config.toml", true, null, null, List.of()));

    public static Optional<AgentTool> named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(t -> t.name().equals(wanted)).findFirst();
    }

    /** Whether the project (or, for codex, the home directory) shows signs of the agent. */
    boolean detectedIn(Path project, Path home) {
        if (inHome) {
            return Files.exists(home.resolve(configPath));
        }
        return markers.stream().anyMatch(marker -> Files.exists(project.resolve(marker)));
    }

    Path config(Path project, Path home) {
        return (inHome ? home : project).resolve(configPath);
    }

    boolean toml() {
        return configPath.endsWith(".toml");
    }
}
