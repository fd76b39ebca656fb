package dev.memoria.server.mcp;

import static org.assertj.core.api.Assertions.assertThat;

/** What no MCP answer may contain: signs of a Java exception, its stack frames or the libraries behind it. */
final class McpLeaks {

    static final String[] INTERNALS = {"Exception", "at dev.", "at java.", "java.", ".java:", "io.modelcontextprotocol",
            "com.fasterxml", "stackTrace", "className", "jakarta.", "reactor.", "NullPointer"};

    private McpLeaks() {
    }

    static void assertNoInternals(String answer) {
        assertThat(answer).as("an MCP answer").doesNotContain(INTERNALS);
    }
}
