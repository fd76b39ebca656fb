package dev.memoria.adapter.embedding;

import dev.memoria.adapter.embedding.local.LocalEmbedder;
import dev.memoria.adapter.embedding.local.LocalModel;
import dev.memoria.adapter.embedding.openai.OpenAiEmbedder;
import dev.memoria.ports.error.ConfigurationException;

/** Builds the embedder that {@link EmbeddingSettings} describe. */
public final class Embedders {

    private Embedders() {
    }

    /**
     * Creates (for {@code local}: loads) the embedder. Call {@link Embedder#warmUp()} afterwards at
     * start-up, and {@link Embedder#close()} at shutdown.
     *
     * @throws ConfigurationException for an unknown local model, a dimension the local model cannot
     *                                produce, or a missing model resource
     */
    public static Embedder create(EmbeddingSettings settings) {
        return switch (settings.provider()) {
            case EmbeddingSettings.LOCAL -> local(settings);
            case EmbeddingSettings.OPENAI -> OpenAiEmbedder.create(settings);
            default -> throw new ConfigurationException("embedding_config",
                    "unknown embedding provider '" + settings.provider() + "'");
        };
    }

    private static Embedder local(EmbeddingSettings settings) {
        LocalModel model = LocalModel.byName(settings.model());
        if (settings.dimension() != 0 && settings.dimension() != model.dimension()) {
            throw new ConfigurationException("embedding_config", "local model " + model.modelName() + " produces "
                    + model.dimension() + "-d vectors but MEMORIA_EMBEDDING_DIM is " + settings.dimension());
        }
        return LocalEmbedder.load(model, settings.localThreads());
    }
}
