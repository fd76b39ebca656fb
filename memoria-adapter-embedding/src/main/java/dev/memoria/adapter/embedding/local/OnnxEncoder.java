package dev.memoria.adapter.embedding.local;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.memoria.ports.error.ConfigurationException;

import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs the BERT encoder on a padded {@link TokenBatch} and pools the result the way the model was trained
 * (mean over tokens, or the [CLS] token).
 * {@link OrtSession#run} is thread-safe, so one session serves every caller.
 */
final class OnnxEncoder implements AutoCloseable {

    static final String INPUT_IDS = "input_ids";
    static final String ATTENTION_MASK = "attention_mask";
    static final String TOKEN_TYPE_IDS = "token_type_ids";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final boolean wantsTokenTypes;
    private final String output;
    private final int dimension;
    private final boolean clsPooling;

    OnnxEncoder(OrtEnvironment env, OrtSession session, int dimension, boolean clsPooling) {
        this.env = env;
        this.session = session;
        this.dimension = dimension;
        this.clsPooling = clsPooling;
        Set<String> inputs = session.getInputNames();
        if (!inputs.contains(INPUT_IDS) || !inputs.contains(ATTENTION_MASK)) {
            throw new ConfigurationException("embedding_config",
                    "the ONNX model does not look like a BERT encoder; inputs: " + inputs);
        }
        // Some exports drop token_type_ids; feed it only where the graph declares it.
        this.wantsTokenTypes = inputs.contains(TOKEN_TYPE_IDS);
        // The first output is the per-token last_hidden_state in the exports we ship.
        this.output = session.getOutputNames().iterator().next();
    }

    float[][] encode(TokenBatch batch) throws OrtException {
        long[] shape = batch.shape();
        Map<String, OnnxTensor> inputs = new HashMap<>(4);
        try {
            inputs.put(INPUT_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(batch.inputIds()), shape));
            inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(env, LongBuffer.wrap(batch.attentionMask()), shape));
            if (wantsTokenTypes) {
                inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(env, LongBuffer.wrap(batch.tokenTypeIds()), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                OnnxValue value = result.get(0);
                if (!(value instanceof OnnxTensor tensor)) {
                    throw new OrtException("output " + output + " is not a tensor");
                }
                long[] outShape = tensor.getInfo().getShape();
                if (outShape.length != 3 || outShape[2] != dimension) {
                    throw new OrtException("unexpected output shape " + java.util.Arrays.toString(outShape));
                }
                return clsPooling ? ClsPooling.pool(tensor.getFloatBuffer(), batch, dimension)
                        : MeanPooling.pool(tensor.getFloatBuffer(), batch, dimension);
            }
        } finally {
            for (OnnxTensor tensor : inputs.values()) {
                tensor.close();
            }
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing at shutdown: nothing useful to do with the failure.
        }
    }
}
