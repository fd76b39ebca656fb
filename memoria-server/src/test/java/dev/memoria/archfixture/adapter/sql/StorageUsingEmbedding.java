package dev.memoria.archfixture.adapter.sql;

/** Breaks "adapters are independent": storage using the embedding adapter. */
public class StorageUsingEmbedding {
    dev.memoria.archfixture.adapter.embedding.EmbeddingUsingStorage embedder;
}
