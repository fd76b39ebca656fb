package dev.memoria.server.mcp;

import dev.memoria.ports.error.MemoriaException;
import dev.memoria.server.config.ServerConfig;
import dev.memoria.server.embedded.EmbeddedMemoria;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar memoria-server.jar mcp [--user U] [--api-url URL --token T]}: an MCP server on
 * stdin/stdout for one agent, acting as one user. Embedded mode opens the configured storage directly;
 * remote mode proxies every tool to a Memoria server's REST API. Runs until stdin closes.
 *
 * <p>stdout belongs to the protocol: {@code System.out} is redirected to stderr before anything else runs,
 * so a stray print (ours or a library's) cannot corrupt a JSON-RPC message. Logs already go to stderr.
 */
public final class McpCommand {

    private static final Logger LOG = LoggerFactory.getLogger(McpCommand.class);

    static final String USAGE = "usage: java -jar memoria-server.jar mcp [--user U] [--api-url URL --token T]";

    private McpCommand() {
    }

    public static int run(String[] args) {
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.err.println(USAGE);
            System.err.println("  embedded (default): local storage in MEMORIA_DATA_DIR, tools act for --user (default: default)");
            System.err.println("  remote: --api-url URL --token T proxies every tool to a running Memoria server");
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
        try {
            ToolRegistry tools;
            if (options.remote()) {
                tools = new ToolRegistry(new RemoteTools(new RestClient(options.apiUrl(), options.token(),
                        options.user())).handlers());
                LOG.info("MCP stdio for user {} proxying to {}", options.user(), options.apiUrl());
            } else {
                embedded = EmbeddedMemoria.open(ServerConfig.load());
                tools = McpServers.embedded(embedded.memoria());
                LOG.info("MCP stdio for user {} on local storage", options.user());
            }
            serveUntilEof(tools, options.user(), new FileInputStream(FileDescriptor.in), protocolOut);
            return 0;
        } catch (MemoriaException e) {
            LOG.error("Memoria MCP cannot start: {}", e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    static void serveUntilEof(ToolRegistry tools, String user, InputStream in, OutputStream out)
            throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(McpServers.jsonMapper(),
                new EofSignal(in, closed), out);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(McpServers.NAME, McpServers.VERSION)
                .instructions(McpServers.INSTRUCTIONS)
                .capabilities(McpServers.capabilities())
                .jsonMapper(McpServers.jsonMapper())
                .validateToolInputs(false)
                .addToolFilter(tools.listFilter())
                .tools(tools.forUser(user))
                .build();
        closed.await();
        server.closeGracefully();
    }

    /** Tells the waiting main thread when the client has closed stdin (the MCP stdio shutdown signal). */
    private static final class EofSignal extends FilterInputStream {

        private final CountDownLatch closed;

        EofSignal(InputStream in, CountDownLatch closed) {
            super(in);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            return signal(super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return signal(super.read(b, off, len));
            } catch (IOException e) {
                closed.countDown();
                throw e;
            }
        }

        private int signal(int result) {
            if (result < 0) {
                closed.countDown();
            }
            return result;
        }

        @Override
        public void close() throws IOException {
            closed.countDown();
            super.close();
        }
    }
}
