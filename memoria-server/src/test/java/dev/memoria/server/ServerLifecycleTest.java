package dev.memoria.server;

import dev.memoria.adapter.embedding.EmbeddingSettings;
import dev.memoria.ports.error.ConfigurationException;
import dev.memoria.server.config.ServerConfig;
import dev.memoria.server.http.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;

import static dev.memoria.server.http.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerLifecycleTest {

    @TempDir
    Path dataDir;

    private ServerConfig config(Map<String, Object> extra) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("memoria.port", 0,
                "memoria.data-dir", dataDir.toString()));
        settings.putAll(extra);
        return ServerConfig.load(settings);
    }

    @Test
    void generatesAnOwnerOnlyMasterKeyAndKeepsDataAcrossRestarts() throws Exception {
        String id;
        try (MemoriaServer server = MemoriaServer.start(config(Map.of()))) {
            Path keyFile = dataDir.resolve("master.key");
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            String key = Files.readString(keyFile).trim();
            assertThat(key.length()).isGreaterThanOrEqualTo(16);
            ApiClient api = new ApiClient(server.port()).asMaster(key, "restart-user");
            id = api.post("/v1/memories", json(Map.of("content", "survives a restart"))).json().get("memory_id").asText();
        }
        try (MemoriaServer server = MemoriaServer.start(config(Map.of()))) {
            String key = Files.readString(dataDir.resolve("master.key")).trim();
            ApiClient api = new ApiClient(server.port()).asMaster(key, "restart-user");
            assertThat(api.get("/v1/memories/" + id).json().get("content").asText()).isEqualTo("survives a restart");
        }
    }

    @Test
    void refusesAShortMasterKey() {
        assertThatThrownBy(() -> config(Map.of("memoria.master-key", "short")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("at least 16 characters");
    }

    @Test
    void refusesToStartWhenTheEmbeddingModelChanged() {
        MemoriaServer.start(config(Map.of("memoria.embedding.provider", "none"))).close();

        assertThatThrownBy(() -> MemoriaServer.start(config(Map.of())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(EmbeddingSettings.DEFAULT_MODEL);
    }

    @Test
    void withoutAConfiguredModelADatabaseKeepsTheModelItWasCreatedWith() {
        String other = EmbeddingSettings.DEFAULT_MODEL.equals("all-MiniLM-L6-v2") ? "e5-small-v2" : "all-MiniLM-L6-v2";
        String id;
        try (MemoriaServer server = MemoriaServer.start(config(Map.of("memoria.embedding.model", other,
                "memoria.master-key", "lifecycle-master-key-0123")))) {
            id = new ApiClient(server.port()).asMaster("lifecycle-master-key-0123", "u")
                    .post("/v1/memories", json(Map.of("content", "made with the other model"))).json()
                    .get("memory_id").asText();
        }

        // no model configured: the recorded one is loaded, where the default would be refused as a mismatch
        try (MemoriaServer server = MemoriaServer.start(config(Map.of("memoria.master-key", "lifecycle-master-key-0123")))) {
            ApiClient api = new ApiClient(server.port()).asMaster("lifecycle-master-key-0123", "u");
            assertThat(api.get("/v1/memories/" + id).json().get("content").asText()).isEqualTo("made with the other model");
        }
        assertThatThrownBy(() -> MemoriaServer.start(config(Map.of("memoria.embedding.model",
                EmbeddingSettings.DEFAULT_MODEL))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(other);
    }
}
