package dev.memoria.server.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.McpHttpClientTransportAuthorizationException;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remote stdio mode: the tools of a Memoria server's own Streamable HTTP endpoint ({@code <api-url>/mcp}),
 * offered on stdio by a client built with the MCP SDK. Nothing is re-implemented here: {@code tools/list} is
 * the server's list and every {@code tools/call} is forwarded as it came, so a tool behaves exactly as it does
 * on {@code /mcp}, for the user the credentials name.
 *
 * <p>What the server answers (results, tool errors) passes through untouched; it is already free of Java
 * internals. When the server cannot be reached or refuses the credentials, the call becomes a tool error that
 * says so in plain words, and the details go to the log (stderr).
 */
final class McpBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(McpBridge.class);
    static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final String apiUrl;
    private final McpSyncClient client;

    private McpBridge(String apiUrl, McpSyncClient client) {
        this.apiUrl = apiUrl;
        this.client = client;
    }

    /** A client for {@code apiUrl + "/mcp"}; with the master key, {@code user} says whom to act as. */
    static McpBridge to(String apiUrl, String token, String user) {
        HttpRequest.Builder template = HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + token)
                .header("X-User-Id", user)
                .timeout(TIMEOUT);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(apiUrl)
                .endpoint(McpHttpEndpoint.PATH)
                .jsonMapper(McpServers.jsonMapper())
                .requestBuilder(template)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(new McpSchema.Implementation("memoria-stdio-bridge", McpServers.VERSION))
                .requestTimeout(TIMEOUT)
                .initializationTimeout(Duration.ofSeconds(30))
                .build();
        return new McpBridge(apiUrl, client);
    }

    /**
     * The server's tools, each forwarding its calls, plus the catalogue's hidden tools (callable on the server,
     * not listed by it). If the server cannot be reached now, the catalogue stands in for its list; each call
     * tries the server again.
     */
    List<McpServerFeatures.SyncToolSpecification> tools() {
        Map<String, McpSchema.Tool> tools = new LinkedHashMap<>();
        try {
            String cursor = null;
            do {
                McpSchema.ListToolsResult page = client.listTools(cursor);
                page.tools().forEach(tool -> tools.put(tool.name(), tool));
                cursor = page.nextCursor();
            } while (cursor != null && !cursor.isEmpty());
        } catch (RuntimeException e) {
            LOG.warn("Cannot list the tools of {}{} ({}); offering the built-in catalogue until it answers",
                    apiUrl, McpHttpEndpoint.PATH, describe(e));
            tools.clear();
        }
        boolean listed = !tools.isEmpty();
        for (ToolSpec spec : ToolCatalog.all()) {
            if (spec.hidden() || !listed) {
                tools.putIfAbsent(spec.name(), ToolRegistry.tool(spec));
            }
        }
        List<McpServerFeatures.SyncToolSpecification> specs = new ArrayList<>();
        tools.values().forEach(tool -> specs.add(McpServerFeatures.SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> forward(request)).build()));
        return specs;
    }

    /** One call, as it came, to the server; what it answers is the answer. */
    McpSchema.CallToolResult forward(McpSchema.CallToolRequest request) {
        try {
            return client.callTool(new McpSchema.CallToolRequest(request.name(),
                    request.arguments() == null ? Map.of() : request.arguments()));
        } catch (RuntimeException e) {
            LOG.warn("Tool {} could not be forwarded to {}{}", request.name(), apiUrl, McpHttpEndpoint.PATH, e);
            return McpSchema.CallToolResult.builder().addTextContent(describe(e)).isError(true).build();
        }
    }

    /** A failure to reach the server, in words for the agent: no exception text, which may name classes. */
    private String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof McpHttpClientTransportAuthorizationException auth) {
                int status = auth.getResponseInfo() == null ? 401 : auth.getResponseInfo().statusCode();
                return "Memoria server at " + apiUrl + " refused the credentials (HTTP " + status
                        + "): check --token and --user";
            }
            if (t instanceof McpError error && error.getJsonRpcError() != null) {
                // the server's own JSON-RPC error: its message is already scrubbed
                return "Memoria server at " + apiUrl + " answered: " + error.getJsonRpcError().message();
            }
        }
        return "Memoria server at " + apiUrl + " did not answer; is it running and is --api-url right?";
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
