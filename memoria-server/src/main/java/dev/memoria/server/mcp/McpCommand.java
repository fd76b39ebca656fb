package dev.memoria.server.mcp;

/** {@code java -jar memoria-server.jar mcp ...}: MCP over stdio. (Being implemented.) */
public final class McpCommand {

    private McpCommand() {
    }

    public static int run(String[] args) {
        System.err.println("mcp: not implemented yet");
        return 2;
    }
}
