package dev.memoria.adapter.embedding.local;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.memoria.ports.error.ConfigurationException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model's own Hugging Face {@code tokenizer.json} run by DJL's binding of the Rust
 * {@code tokenizers} library (the native library is inside the DJL jar).
 *
 * <p>Thread safety: after construction the DJL wrapper holds only immutable settings and a native
 * handle, and the Rust {@code Tokenizer::encode} takes {@code &self}, so concurrent calls are safe.
 */
final class WordPieceTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    private WordPieceTokenizer(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * @param tokenizerJson the bytes of {@code tokenizer.json}
     * @param maxTokens     truncation length, special tokens included
     */
    static WordPieceTokenizer load(byte[] tokenizerJson, int maxTokens) {
        DjlOffline.enforce();
        // The shipped tokenizer.json pads every text to 128 and truncates at 128 (a leftover of the
        // export). We truncate at the sentence-transformers length instead and pad ourselves, per batch.
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(maxTokens),
                "modelMaxLength", Integer.toString(maxTokens));
        try {
            // Loading from a stream (not a name) is what keeps DJL from contacting the Hugging Face hub.
            return new WordPieceTokenizer(HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), options));
        } catch (IOException | RuntimeException e) {
            throw new ConfigurationException("embedding_config", "cannot load the tokenizer: " + e.getMessage(), e);
        }
    }

    /** Token ids of each text, [CLS] … [SEP], truncated, unpadded. */
    List<long[]> encode(List<String> texts) {
        Encoding[] encodings = tokenizer.batchEncode(texts);
        List<long[]> ids = new ArrayList<>(encodings.length);
        for (Encoding encoding : encodings) {
            ids.add(encoding.getIds());
        }
        return ids;
    }

    int maxLength() {
        return tokenizer.getMaxLength();
    }

    String truncation() {
        return tokenizer.getTruncation();
    }

    String padding() {
        return tokenizer.getPadding();
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
