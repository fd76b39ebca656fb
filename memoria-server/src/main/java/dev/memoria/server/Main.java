package dev.memoria.server;

import dev.memoria.ports.error.MemoriaException;
import dev.memoria.server.config.ServerConfig;
import dev.memoria.server.mcp.McpCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar memoria-server.jar [serve]} runs the server until the process is told to stop;
 * {@code java -jar memoria-server.jar mcp} runs an MCP server on stdin/stdout;
 * {@code java -jar memoria-server.jar plugin ...} generates keys for and signs governance plugin packages;
 * {@code java -jar memoria-server.jar init ...} configures coding agents in the current project to use Memoria.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    /** The absolute path of the jar this runs from, for the MCP entries {@code init} writes; null from classes. */
    private static String runningJar() {
        try {
            java.nio.file.Path location = java.nio.file.Path.of(
                    Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location.toAbsolutePath().toString() : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        if (command.equals("mcp")) {
            System.exit(McpCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (command.equals("plugin")) {
            System.exit(dev.memoria.server.plugin.PluginCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (command.equals("init")) {
            System.exit(dev.memoria.server.onboarding.InitCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length),
                    java.nio.file.Path.of("").toAbsolutePath(), java.nio.file.Path.of(System.getProperty("user.home")),
                    runningJar(), System.out, System.err));
        }
        if (command.equals("rules")) {
            System.exit(dev.memoria.server.onboarding.InitCommand.rules(java.util.Arrays.copyOfRange(args, 1, args.length),
                    java.nio.file.Path.of("").toAbsolutePath(), java.nio.file.Path.of(System.getProperty("user.home")),
                    System.out, System.err));
        }
        if (command.equals("status")) {
            System.exit(dev.memoria.server.onboarding.StatusCommand.run(java.nio.file.Path.of("").toAbsolutePath(),
                    java.nio.file.Path.of(System.getProperty("user.home")), System.out));
        }
        if (!command.equals("serve")) {
            System.err.println("usage: java -jar memoria-server.jar [serve | mcp [--user U] [--api-url URL --token T]"
                    + " | plugin keygen|sign|verify|digest ... | init [--tool T] [--api-url URL --token KEY] | rules [--tool T]"
                    + " [--force] | status]");
            System.exit(2);
        }
        try {
            MemoriaServer server = MemoriaServer.start(ServerConfig.load());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "memoria-shutdown"));
        } catch (MemoriaException e) {
            // Misconfiguration: say what is wrong and how to fix it, without a stack trace.
            LOG.error("Memoria cannot start: {}", e.getMessage());
            System.exit(1);
        }
    }
}
