package dev.memoria.server.mcp;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class McpHelpTest {

    @Test
    void helpPrintsUsageAndSucceedsWithoutOpeningStorage() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertThat(McpCommand.run(new String[]{"--help"})).isZero();
            assertThat(McpCommand.run(new String[]{"--user"})).isEqualTo(2);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("usage: java -jar memoria-server.jar mcp")
                .contains("missing value for --user").doesNotContain("missing value for --help");
    }
}
