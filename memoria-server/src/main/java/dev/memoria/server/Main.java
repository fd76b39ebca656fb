package dev.memoria.server;

import dev.memoria.ports.error.MemoriaException;
import dev.memoria.server.config.ServerConfig;
import dev.memoria.server.mcp.McpCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar memoria-server.jar [serve]} runs the server until the process is told to stop;
 * {@code java -jar memoria-server.jar mcp} runs an MCP server on stdin/stdout;
 * {@code java -jar memoria-server.jar plugin ...} generates keys for and signs governance plugin packages.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "serve" : args[0];
        if (command.equals("mcp")) {
            System.exit(McpCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (command.equals("plugin")) {
            System.exit(dev.memoria.server.plugin.PluginCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (!command.equals("serve")) {
            System.err.println("usage: java -jar memoria-server.jar [serve | mcp [--user U] [--api-url URL --token T]"
                    + " | plugin keygen|sign|verify|digest ...]");
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
