package dev.memoria.archfixture.adapter.embedding;

/** Breaks "the embedding adapter does not use storage". */
public class EmbeddingUsingStorage {
    dev.memoria.archfixture.adapter.sql.StorageUsingEmbedding storage;
}
