package dev.memoria.server.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** MCP clients built with the SDK itself, as a real agent would connect. */
final class McpTestClients {

    private McpTestClients() {
    }

    /** A Streamable HTTP client for {@code /mcp}; {@code headers} carry the credentials (none: anonymous). */
    static McpSyncClient http(int port, Map<String, String> headers) {
        HttpRequest.Builder template = HttpRequest.newBuilder();
        headers.forEach(template::header);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + port).endpoint("/mcp").requestBuilder(template).build();
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(30)).build();
    }

    /** Starts {@code Main mcp <args>} as a child JVM on the test class path and connects over stdio. */
    static McpSyncClient stdio(List<String> args, Map<String, String> env) {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of("-cp", classPath, "-XX:TieredStopAtLevel=1",
                "dev.memoria.server.Main", "mcp"));
        command.addAll(args);
        ServerParameters.Builder params = ServerParameters.builder(java).args(command).env(new java.util.HashMap<>(env));
        StdioClientTransport transport = new StdioClientTransport(params.build(), McpServers.jsonMapper());
        transport.setStdErrorHandler(line -> System.err.println("[mcp child] " + line));
        return McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60)).build();
    }

    static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
