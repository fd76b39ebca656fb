package dev.memoria.adapter.embedding;

import dev.memoria.ports.error.ConfigurationException;

import java.util.Objects;

/**
 * One OpenAI-compatible endpoint: the base URL ({@code .../v1}, the client appends {@code /embeddings})
 * and its bearer key, which may be empty for servers that need none (a local Ollama, vLLM, TEI).
 */
public record EmbeddingEndpoint(String url, String apiKey) {

    public EmbeddingEndpoint {
        Objects.requireNonNull(url, "url");
        url = url.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.isEmpty()) {
            throw new ConfigurationException("embedding_config", "embedding endpoint url is empty");
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ConfigurationException("embedding_config",
                    "embedding endpoint url must start with http:// or https://: " + url);
        }
        apiKey = apiKey == null ? "" : apiKey.strip();
    }

    /** Never prints the key: endpoint descriptions end up in logs and error messages. */
    @Override
    public String toString() {
        return url;
    }
}
