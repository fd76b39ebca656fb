package dev.memoria.server.onboarding;

import dev.memoria.server.mcp.ToolNames;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code init [--tool T ...] [--api-url URL --token KEY] [--user U] [--jar PATH] [--force]}: configures coding
 * agents in the current project to use Memoria over MCP — the {@code memoria} server entry in each agent's MCP
 * configuration and rule files that say when to recall and remember. Without {@code --tool} it configures the
 * agents the project already shows signs of.
 */
public final class InitCommand {

    static final String USAGE = "usage: java -jar memoria-server.jar init [--tool claude|cursor|kiro|gemini|codex ...]"
            + " [--api-url URL --token KEY] [--user U] [--jar PATH] [--force]";

    private InitCommand() {
    }

    record Options(Set<String> tools, String apiUrl, String token, String user, String jar, boolean force) {
    }

    /** {@code rules [--tool T ...] [--force]}: writes or refreshes the rule files only, with the same version rules. */
    public static int rules(String[] args, Path project, Path home, PrintStream out, PrintStream err) {
        return run(args, project, home, "unused", out, err, false);
    }

    public static int run(String[] args, Path project, Path home, String runningJar, PrintStream out,
                          PrintStream err) {
        return run(args, project, home, runningJar, out, err, true);
    }

    private static int run(String[] args, Path project, Path home, String runningJar, PrintStream out,
                           PrintStream err, boolean withMcpEntry) {
        Options options;
        try {
            options = parse(args, runningJar);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        List<AgentTool> tools = new ArrayList<>();
        for (String name : options.tools()) {
            AgentTool tool = AgentTool.named(name).orElse(null);
            if (tool == null) {
                err.println("unknown tool '" + name + "'; known: claude, cursor, kiro, gemini, codex");
                return 2;
            }
            tools.add(tool);
        }
        if (tools.isEmpty()) {
            AgentTool.ALL.stream().filter(t -> t.detectedIn(project, home)).forEach(tools::add);
        }
        if (tools.isEmpty()) {
            err.println("no coding agent detected in " + project + "; name one with --tool");
            return 1;
        }
        McpEntry entry = McpEntry.of(options.jar(), options.user(), options.apiUrl(), options.token(),
                ToolNames.all());
        try {
            for (AgentTool tool : tools) {
                out.println(tool.name() + ":");
                if (withMcpEntry) {
                    out.println("  " + McpConfigFiles.write(tool, tool.config(project, home), entry));
                }
                RuleFiles.install(tool, project, options.force()).forEach(line -> out.println("  " + line));
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
        if (Files.exists(project.resolve("CLAUDE.md"))) {
            out.println("note: CLAUDE.md is left as it is; the rules are in .claude/rules/");
        }
        return 0;
    }

    static Options parse(String[] args, String runningJar) {
        Set<String> tools = new LinkedHashSet<>();
        String apiUrl = null;
        String token = null;
        String user = "default";
        String jar = runningJar;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--force")) {
                force = true;
                continue;
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--tool" -> {
                    for (String name : value.split(",")) {
                        if (!name.isBlank()) {
                            tools.add(name.trim());
                        }
                    }
                }
                case "--api-url" -> apiUrl = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
                case "--token" -> token = value;
                case "--user" -> user = value;
                case "--jar" -> jar = value;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if ((apiUrl == null) != (token == null)) {
            throw new IllegalArgumentException("--api-url and --token go together");
        }
        if (jar == null) {
            throw new IllegalArgumentException("cannot tell where this jar is; name it with --jar");
        }
        return new Options(tools, apiUrl, token, user, jar, force);
    }
}
