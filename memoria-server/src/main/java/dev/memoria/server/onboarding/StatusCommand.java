package dev.memoria.server.onboarding;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code status}: for each agent the project shows signs of, whether its MCP configuration has the
 * {@code memoria} entry and which version of each rule file is installed against this build's.
 */
public final class StatusCommand {

    private StatusCommand() {
    }

    public static int run(Path project, Path home, PrintStream out) {
        List<AgentTool> tools = AgentTool.ALL.stream().filter(t -> t.detectedIn(project, home)).toList();
        if (tools.isEmpty()) {
            out.println("no coding agent detected in " + project + "; configure one with init --tool");
            return 1;
        }
        for (AgentTool tool : tools) {
            Path config = tool.config(project, home);
            out.println(tool.name() + ":");
            out.println("  " + (hasEntry(config) ? "✓ " : "✗ ") + "memoria MCP entry in " + config);
            if (tool.rulesDir() == null) {
                continue;
            }
            for (String topic : RuleFiles.TOPICS) {
                Path file = project.resolve(tool.rulesDir()).resolve(topic + tool.ruleSuffix());
                out.println("  " + ruleState(file) + " " + file);
            }
        }
        return 0;
    }

    private static boolean hasEntry(Path config) {
        String text = read(config);
        return text != null && (text.contains("\"memoria\"") || text.contains("[mcp_servers.memoria]"));
    }

    private static String ruleState(Path file) {
        String text = read(file);
        if (text == null) {
            return "✗ missing";
        }
        Integer version = RuleFiles.versionOf(text);
        if (version == null) {
            return "? not written by memoria";
        }
        return version >= RuleFiles.VERSION ? "✓ version " + version
                : "✗ version " + version + " (current " + RuleFiles.VERSION + ")";
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
