package dev.memoria.server.mcp;

import dev.memoria.ports.error.MemoriaException;
import dev.memoria.server.config.ServerConfig;
import dev.memoria.server.embedded.EmbeddedMemoria;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar memoria-server.jar mcp [--user U] [--api-url URL --token T]}: an MCP server on
 * stdin/stdout for one agent, acting as one user. Embedded mode opens the configured storage directly;
 * remote mode bridges stdio to a Memoria server's own {@code /mcp} with the SDK's client ({@link McpBridge}). Runs until stdin closes, then answers what is
 * still running, closes the storage and exits 0. The {@link StdioGate} in front of the SDK keeps one bad line
 * from ending the session.
 *
 * <p>stdout belongs to the protocol: {@code System.out} is redirected to stderr before anything else runs,
 * so a stray print (ours or a library's) cannot corrupt a JSON-RPC message. Logs already go to stderr.
 */
public final class McpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(McpCommand.class);

    static final String USAGE = "usage: java -jar memoria-server.jar mcp [--user U] [--api-url URL --token T]";
    /** Remote mode has no local configuration to take the REST body limit from; this is its default. */
    static final int DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024;
    /** A tool still running when stdin closes gets this long to answer before the storage is closed anyway. */
    static final Duration DRAIN_LIMIT = Duration.ofMinutes(2);

    private McpCommand() {
    }

    public static int run(String[] args) {
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            // asked for: the answer goes to stdout, as for any command's --help; no protocol is running
            PrintStream help = new PrintStream(protocolOut, true, StandardCharsets.UTF_8);
            help.println(USAGE);
            help.println("  embedded (default): local storage in MEMORIA_DATA_DIR, tools act for --user (default: default)");
            help.println("  remote: --api-url URL --token T bridges to a running Memoria server's /mcp");
            help.println("  JSON-RPC messages one per line on stdin, answers on stdout, logs on stderr; ends when stdin closes");
            return 0;
        }
        McpOptions options;
        try {
            options = McpOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("mcp: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        EmbeddedMemoria embedded = null;
        McpBridge bridge = null;
        try {
            List<McpServerFeatures.SyncToolSpecification> tools;
            int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
            if (options.remote()) {
                bridge = McpBridge.to(options.apiUrl(), options.token(), options.user());
                tools = bridge.tools();
                LOG.info("MCP stdio for user {} bridged to {}{}", options.user(), options.apiUrl(),
                        McpHttpEndpoint.PATH);
            } else {
                ServerConfig config = ServerConfig.load();
                maxMessageBytes = (int) Math.min(Integer.MAX_VALUE - 8, config.maxBodyBytes());
                embedded = EmbeddedMemoria.open(config);
                tools = McpServers.embedded(embedded.memoria()).forUser(options.user());
                LOG.info("MCP stdio for user {} on local storage", options.user());
            }
            StdioGate gate = new StdioGate(new FileInputStream(FileDescriptor.in), protocolOut, maxMessageBytes,
                    DRAIN_LIMIT);
            serveUntilEof(tools, gate);
            return 0;
        } catch (MemoriaException e) {
            LOG.error("Memoria MCP cannot start: {}", e.getMessage());
            return 1;
        } catch (IOException e) {
            LOG.error("Memoria MCP lost stdin: {}", e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            // only after the gate has seen every answer out: no request runs on a closed database
            if (embedded != null) {
                embedded.close();
            }
            if (bridge != null) {
                bridge.close();
            }
        }
    }

    /** Serves the client behind the gate until its stdin ends and every request has been answered. */
    static void serveUntilEof(List<McpServerFeatures.SyncToolSpecification> tools, StdioGate gate)
            throws IOException, InterruptedException {
        StdioServerTransportProvider transport = new StdioServerTransportProvider(McpServers.jsonMapper(),
                gate.serverInput(), gate.serverOutput());
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(McpServers.NAME, McpServers.VERSION)
                .instructions(McpServers.INSTRUCTIONS)
                .capabilities(McpServers.capabilities())
                .jsonMapper(McpServers.jsonMapper())
                .validateToolInputs(false)
                .addToolFilter(ToolRegistry.listFilter())
                .tools(tools)
                .build();
        try {
            gate.pumpUntilEof();
        } finally {
            server.closeGracefully();
        }
    }
}
