package dev.memoria.server;

import dev.memoria.server.config.ServerConfig;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Real servers for HTTP and MCP tests: a free port, a fresh data directory, a known master key. */
public final class TestServers {

    private TestServers() {
    }

    /** Keyword retrieval only (no embedder to load), plus any settings the test needs on top. */
    public static MemoriaServer keywordOnly(Path dataDir, String masterKey, Map<String, ?> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("memoria.embedding.provider", "none"));
        settings.putAll(extra);
        return start(dataDir, masterKey, settings);
    }

    public static MemoriaServer keywordOnly(Path dataDir, String masterKey) {
        return keywordOnly(dataDir, masterKey, Map.of());
    }

    /** The embedded defaults, local embedding model included. */
    public static MemoriaServer start(Path dataDir, String masterKey, Map<String, ?> extra) {
        Map<String, Object> settings = new HashMap<>(Map.of("memoria.port", 0, "memoria.data-dir", dataDir.toString(),
                "memoria.master-key", masterKey));
        settings.putAll(extra);
        return MemoriaServer.start(ServerConfig.load(settings));
    }
}
