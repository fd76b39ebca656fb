package dev.memoria.core.write;

import dev.memoria.ports.out.EmbeddingPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The optional embedder: Memoria works without one (keyword retrieval only, no write-time dedup). */
public final class Embeddings {

    private final EmbeddingPort embedder;

    public Embeddings(Optional<EmbeddingPort> embedder) {
        this.embedder = embedder.orElse(null);
    }

    public boolean available() {
        return embedder != null;
    }

    /** Whether the embedder's similarities hold beyond English. */
    public boolean multilingual() {
        return embedder != null && embedder.multilingual();
    }

    /** The cosine a query and an unrelated text get under this embedder (0 without one). */
    public double unrelatedSimilarity() {
        return embedder == null ? 0 : embedder.unrelatedSimilarity();
    }

    /**
     * The raw cosine that lies {@code share} of the way from unrelated text to identical text under this embedder,
     * so a threshold chosen once means the same whichever model is configured.
     */
    public double cosineAt(double share) {
        double unrelated = unrelatedSimilarity();
        return unrelated + (1 - unrelated) * share;
    }

    /** The vector of {@code text}, or null without an embedder. */
    public float[] embed(String text) {
        return embedder == null ? null : embedder.embed(text);
    }

    /** The vector of a search query (see {@code EmbeddingPort#embedQuery}), or null without an embedder. */
    public float[] embedQuery(String text) {
        return embedder == null ? null : embedder.embedQuery(text);
    }

    /** Vectors in the order of {@code texts}; nulls without an embedder. */
    public List<float[]> embedAll(List<String> texts) {
        if (embedder == null) {
            List<float[]> none = new ArrayList<>(texts.size());
            texts.forEach(t -> none.add(null));
            return none;
        }
        return texts.isEmpty() ? List.of() : embedder.embedAll(texts);
    }
}
