package dev.memoria.server.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.server.mcp.ToolNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code init} against real directories: what it writes, what it merges, and what it leaves alone. */
class InitCommandTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String JAR = "/opt/memoria/memoria-server.jar";

    @TempDir
    Path project;
    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int init(String... args) {
        return InitCommand.run(args, project, home, JAR, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String read(String relative) throws Exception {
        return Files.readString(project.resolve(relative), StandardCharsets.UTF_8);
    }

    private JsonNode json(Path file) throws Exception {
        return MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    @Test
    void claudeGetsTheEntryMergedIntoItsConfigAndTheFiveRuleFiles() throws Exception {
        Files.writeString(project.resolve(".mcp.json"),
                "{\"mcpServers\": {\"github\": {\"command\": \"gh-mcp\"}}, \"theme\": \"dark\"}");

        assertThat(init("--tool", "claude", "--user", "alice")).as(err.toString()).isZero();

        JsonNode config = json(project.resolve(".mcp.json"));
        assertThat(config.get("theme").asText()).as("other settings are kept").isEqualTo("dark");
        assertThat(config.get("mcpServers").get("github").get("command").asText()).isEqualTo("gh-mcp");
        JsonNode memoria = config.get("mcpServers").get("memoria");
        assertThat(memoria.get("command").asText()).isEqualTo("java");
        assertThat(texts(memoria.get("args"))).containsExactly("-jar", JAR, "mcp", "--user", "alice");
        assertThat(texts(memoria.get("autoApprove"))).isNotEmpty().containsExactlyElementsOf(ToolNames.all())
                .contains("memory_store", "memory_retrieve");
        assertThat(out.toString()).contains("updated memoria entry in");
        for (String topic : RuleFiles.TOPICS) {
            String rule = read(".claude/rules/" + topic + ".md");
            assertThat(rule).startsWith("<!-- memoria-version: " + RuleFiles.VERSION + " -->");
            assertThat(rule).contains("# Memoria");
        }

        assertThat(init("--tool", "claude", "--user", "alice")).isZero();
        assertThat(json(project.resolve(".mcp.json")).get("mcpServers").size()).as("replaced, not added twice")
                .isEqualTo(2);
        assertThat(out.toString()).contains("up to date");
    }

    @Test
    void cursorRulesApplyAlwaysAndRemoteModePointsAtTheServer() throws Exception {
        assertThat(init("--tool", "cursor", "--api-url", "https://memoria.example/", "--token", "sk-abc"))
                .as(err.toString()).isZero();

        JsonNode memoria = json(project.resolve(".cursor/mcp.json")).get("mcpServers").get("memoria");
        assertThat(texts(memoria.get("args"))).containsExactly("-jar", JAR, "mcp", "--user", "default",
                "--api-url", "https://memoria.example", "--token", "sk-abc");
        String rule = read(".cursor/rules/memory.mdc");
        assertThat(rule).startsWith("---\ndescription: Memoria: when to recall and when to remember\n"
                + "alwaysApply: true\n---\n<!-- memoria-version: ");
    }

    @Test
    void codexGetsItsTomlTableInTheHomeDirectoryAndOtherTablesStay() throws Exception {
        Path config = home.resolve(".codex/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "model = \"o3\"\n\n[mcp_servers.memoria]\ncommand = \"old\"\n\n"
                + "[mcp_servers.memoria.env]\nX = \"1\"\n\n[mcp_servers.other]\ncommand = \"other\"\n");

        assertThat(init("--tool", "codex")).as(err.toString()).isZero();

        String toml = Files.readString(config, StandardCharsets.UTF_8);
        assertThat(toml).contains("model = \"o3\"", "[mcp_servers.other]", "command = \"other\"")
                .doesNotContain("command = \"old\"", "X = \"1\"");
        assertThat(toml.split("\\[mcp_servers\\.memoria]", -1)).as("exactly one memoria table").hasSize(2);
        assertThat(toml).contains("command = \"java\"", "args = [\"-jar\", \"" + JAR + "\", \"mcp\"");
        assertThat(project.resolve(".codex")).as("codex has no project files").doesNotExist();
    }

    @Test
    void rulesTheUserWroteOrThatAreOlderAreLeftUnlessForced() throws Exception {
        Path own = project.resolve(".kiro/steering/memory.md");
        Files.createDirectories(own.getParent());
        Files.writeString(own, "my own steering");
        Path old = project.resolve(".kiro/steering/memory-hygiene.md");
        Files.writeString(old, "<!-- memoria-version: 0 -->\nold text");

        assertThat(init("--tool", "kiro")).isZero();
        assertThat(Files.readString(own)).isEqualTo("my own steering");
        assertThat(Files.readString(old)).isEqualTo("<!-- memoria-version: 0 -->\nold text");
        assertThat(out.toString()).contains("kept " + own, "outdated " + old);

        assertThat(init("--tool", "kiro", "--force")).isZero();
        assertThat(RuleFiles.versionOf(Files.readString(own))).isEqualTo(RuleFiles.VERSION);
        assertThat(RuleFiles.versionOf(Files.readString(old))).isEqualTo(RuleFiles.VERSION);
    }

    @Test
    void withoutToolItConfiguresTheAgentsTheProjectShows() throws Exception {
        assertThat(init()).as("nothing to detect").isEqualTo(1);
        assertThat(err.toString()).contains("no coding agent detected");

        Files.createDirectories(project.resolve(".gemini"));
        assertThat(init()).isZero();
        assertThat(project.resolve(".gemini/settings.json")).exists();
        assertThat(project.resolve(".mcp.json")).doesNotExist();
        assertThat(project.resolve(".cursor")).doesNotExist();
    }

    @Test
    void badArgumentsAndBrokenConfigsAreRefusedWithoutWriting() throws Exception {
        assertThat(init("--tool", "vim")).isEqualTo(2);
        assertThat(init("--api-url", "http://x")).as("a URL without a token").isEqualTo(2);
        assertThat(init("--tool")).isEqualTo(2);
        assertThat(init("--frobnicate", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown tool 'vim'", "--api-url and --token go together", "usage:");

        Files.writeString(project.resolve(".mcp.json"), "{not json");
        assertThat(init("--tool", "claude")).isEqualTo(1);
        assertThat(read(".mcp.json")).isEqualTo("{not json");
        assertThat(err.toString()).contains("is not valid JSON");
    }

    @Test
    void rulesWritesOnlyRuleFilesAndStatusReportsWhatIsInstalled() throws Exception {
        assertThat(InitCommand.rules(new String[]{"--tool", "claude"}, project, home,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .as(err.toString()).isZero();
        assertThat(project.resolve(".claude/rules/memory.md")).exists();
        assertThat(project.resolve(".mcp.json")).as("rules leaves the MCP config alone").doesNotExist();
        Files.writeString(project.resolve(".claude/rules/memory-hygiene.md"), "<!-- memoria-version: 0 -->\n");

        ByteArrayOutputStream status = new ByteArrayOutputStream();
        assertThat(StatusCommand.run(project, home, new PrintStream(status, true, StandardCharsets.UTF_8))).isZero();
        assertThat(status.toString(StandardCharsets.UTF_8)).contains("claude:", "✗ memoria MCP entry in",
                "✓ version " + RuleFiles.VERSION, "✗ version 0 (current " + RuleFiles.VERSION + ")");

        assertThat(init("--tool", "claude")).isZero();
        status.reset();
        StatusCommand.run(project, home, new PrintStream(status, true, StandardCharsets.UTF_8));
        assertThat(status.toString(StandardCharsets.UTF_8)).contains("✓ memoria MCP entry in");
        assertThat(StatusCommand.run(home.resolve("empty"), home, new PrintStream(status, true,
                StandardCharsets.UTF_8))).as("nothing detected").isEqualTo(1);
    }
}
