package dev.memoria.ports.out;

import java.util.List;

/**
 * Turns text into unit-length vectors. Implementations are thread-safe; a failure is an
 * {@code UnavailableException} naming the provider and the reason.
 */
public interface EmbeddingPort {

    /** Model name, e.g. {@code all-MiniLM-L6-v2}. */
    String model();

    /** Vector length. */
    int dimension();

    /** The vector of a text to be stored and searched. */
    float[] embed(String text);

    /**
     * The vector of a search query. Models trained with different roles for queries and stored texts (e5's
     * {@code query: } / {@code passage: }) embed the two differently; for the others this is {@link #embed}.
     */
    default float[] embedQuery(String text) {
        return embed(text);
    }

    /** Embeds many texts at once; the result has the same order and size as {@code texts}. */
    List<float[]> embedAll(List<String> texts);

    /**
     * Whether similarities are meaningful beyond English. Retrieval leans on keywords and associations instead
     * of vectors for text the model was not trained on.
     */
    default boolean multilingual() {
        return true;
    }

    /**
     * The cosine a search query and an unrelated text typically get under this model. Models differ widely:
     * about 0.04 for all-MiniLM-L6-v2, about 0.70 for e5-small-v2, whose similarities all sit in 0.7..1. Retrieval
     * and near-duplicate detection measure similarity above this baseline, so their weights and thresholds mean
     * the same whichever model is configured.
     */
    default double unrelatedSimilarity() {
        return 0;
    }
}
