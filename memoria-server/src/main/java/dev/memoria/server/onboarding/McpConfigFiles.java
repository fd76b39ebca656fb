package dev.memoria.server.onboarding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the {@code memoria} entry into an agent's MCP configuration and leaves everything else in the file as it
 * was: other servers, other settings, other TOML tables. A missing file is created with its folders; a file that
 * is not valid JSON is refused rather than overwritten.
 */
final class McpConfigFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private McpConfigFiles() {
    }

    static String write(AgentTool tool, Path file, McpEntry entry) {
        try {
            boolean existed = Files.exists(file);
            String before = existed ? Files.readString(file, StandardCharsets.UTF_8) : "";
            String after = tool.toml() ? mergeToml(before, entry) : mergeJson(file, before, entry);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, after, StandardCharsets.UTF_8);
            return (existed ? "updated memoria entry in " : "created ") + file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String mergeJson(Path file, String before, McpEntry entry) {
        ObjectNode root;
        if (before.isBlank()) {
            root = MAPPER.createObjectNode();
        } else {
            JsonNode parsed;
            try {
                parsed = MAPPER.readTree(before);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + " is not valid JSON (" + e.getOriginalMessage()
                        + "); fix or remove it, then run init again");
            }
            if (!(parsed instanceof ObjectNode object)) {
                throw new IllegalArgumentException(file + " does not hold a JSON object; fix or remove it");
            }
            root = object;
        }
        JsonNode servers = root.get("mcpServers");
        ObjectNode mcpServers = servers instanceof ObjectNode object ? object : root.putObject("mcpServers");
        mcpServers.set("memoria", MAPPER.valueToTree(entry.json()));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the {@code [mcp_servers.memoria]} table (up to the next table header) or appends one. */
    static String mergeToml(String before, McpEntry entry) {
        List<String> kept = new ArrayList<>();
        boolean inMemoria = false;
        for (String line : before.lines().toList()) {
            String header = line.trim();
            if (header.startsWith("[")) {
                inMemoria = header.equals("[mcp_servers.memoria]") || header.startsWith("[mcp_servers.memoria.");
            }
            if (!inMemoria) {
                kept.add(line);
            }
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        String head = String.join("\n", kept);
        return (head.isEmpty() ? "" : head + "\n\n") + entry.toml();
    }
}
