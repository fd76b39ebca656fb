package dev.memoria.adapter.embedding;

import dev.memoria.adapter.embedding.local.LocalEmbedder;
import dev.memoria.adapter.embedding.openai.OpenAiEmbedder;
import dev.memoria.ports.error.ConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddingSettingsTest {

    @Test
    void blankEnvironmentMeansTheLocalDefault() {
        EmbeddingSettings s = EmbeddingSettings.of("", " ", null, "", "  ", null);
        assertThat(s.provider()).isEqualTo("local");
        assertThat(s.model()).isEqualTo("e5-small-v2");
        assertThat(s.dimension()).isZero();
        assertThat(s.effectiveEndpoints()).containsExactly(new EmbeddingEndpoint("https://api.openai.com/v1", ""));
        assertThat(s).isEqualTo(EmbeddingSettings.defaults());
    }

    @Test
    void endpointsSupersedeTheBaseUrl() {
        EmbeddingSettings s = EmbeddingSettings.of("OpenAI", "text-embedding-3-small", "sk-base", "https://base/v1",
                "[{\"url\":\"https://a.example/v1/\",\"api_key\":\"ka\"},{\"url\":\"http://b:8080/v1\"}]", 1536);
        assertThat(s.provider()).isEqualTo("openai");
        assertThat(s.effectiveEndpoints()).containsExactly(
                new EmbeddingEndpoint("https://a.example/v1", "ka"), new EmbeddingEndpoint("http://b:8080/v1", ""));
        assertThat(s.toString()).doesNotContain("ka\"").doesNotContain("sk-base");
    }

    @Test
    void rejectsUnknownProvidersAndBadNumbers() {
        assertThatThrownBy(() -> EmbeddingSettings.of("mock", null, null, null, null, null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("valid: local, openai");
        assertThatThrownBy(() -> EmbeddingSettings.of("openai", null, null, null, null, -1))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("dimension");
        assertThatThrownBy(() -> EmbeddingSettings.defaults().withBatchSize(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("batch size");
        assertThatThrownBy(() -> EmbeddingSettings.defaults().withSendDimensions(true))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("dimension");
    }

    @Test
    void parsesEndpointsWithClearErrorsThatNeverEchoKeys() {
        assertThat(EmbeddingEndpoints.parse(null)).isEmpty();
        assertThat(EmbeddingEndpoints.parse(" ")).isEmpty();
        assertThat(EmbeddingEndpoints.parse("[{\"url\":\"https://x/v1\",\"api_key\":null}]"))
                .containsExactly(new EmbeddingEndpoint("https://x/v1", ""));

        assertThatThrownBy(() -> EmbeddingEndpoints.parse("[{\"url\":\"https://x\",\"api_key\":\"sk-secret\""))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MEMORIA_EMBEDDING_ENDPOINTS is not valid JSON")
                .hasMessageNotContaining("sk-secret");
        assertThatThrownBy(() -> EmbeddingEndpoints.parse("{\"url\":\"https://x\"}"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must be a JSON array");
        assertThatThrownBy(() -> EmbeddingEndpoints.parse("[]"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("empty array");
        assertThatThrownBy(() -> EmbeddingEndpoints.parse("[\"https://x\"]"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("item 0 must be an object");
        assertThatThrownBy(() -> EmbeddingEndpoints.parse("[{\"url\":\"https://x\"},{\"api_key\":\"k\"}]"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("item 1 needs a non-empty string \"url\"");
        assertThatThrownBy(() -> EmbeddingEndpoints.parse("[{\"url\":\"ftp://x\"}]"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("http:// or https://");
        assertThatThrownBy(() -> EmbeddingEndpoints.parse("[{\"url\":\"https://x\",\"api_key\":42}]"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("\"api_key\" must be a string");
    }

    @Test
    void factoryBuildsTheConfiguredProvider() {
        try (Embedder openai = Embedders.create(EmbeddingSettings.of("openai", "m", "k", "http://localhost:1/v1", null, 8))) {
            assertThat(openai).isInstanceOf(OpenAiEmbedder.class);
            assertThat(openai.dimension()).isEqualTo(8);
        }
        try (Embedder local = Embedders.create(EmbeddingSettings.of(null, "all-MiniLM-L6-v2-q", null, null, null, 384))) {
            assertThat(local).isInstanceOf(LocalEmbedder.class);
            assertThat(local.model()).isEqualTo("all-MiniLM-L6-v2-q");
            local.warmUp();
        }
        assertThatThrownBy(() -> Embedders.create(EmbeddingSettings.of("local", "bge-m3", null, null, null, null)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("valid: all-MiniLM-L6-v2, all-MiniLM-L6-v2-q");
        assertThatThrownBy(() -> Embedders.create(EmbeddingSettings.of("local", null, null, null, null, 1024)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("384-d")
                .hasMessageContaining("MEMORIA_EMBEDDING_DIM is 1024");
    }
}
