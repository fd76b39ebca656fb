package dev.memoria.adapter.embedding.local;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.memoria.ports.error.ConfigurationException;

/** Creates the ONNX Runtime session with options chosen for a small CPU-only server. */
final class OrtSessionFactory {

    private OrtSessionFactory() {
    }

    /**
     * @param threads intra-op threads; 0 = one per available processor
     */
    static OrtSession create(OrtEnvironment env, byte[] onnx, int threads) {
        int intraOp = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // Graph fusions (attention, GELU, layer norm) are where most of ORT's CPU speed comes from.
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // One graph, run operator after operator; parallelism comes from inside each matmul.
            // A separate inter-op pool would only compete for the same two cores.
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(intraOp);
            options.setInterOpNumThreads(1);
            // ORT's pool threads busy-wait between operators by default. On a 2-core box shared with the
            // HTTP server, the database driver and GC that spinning steals the very cores the next
            // operator needs: measured 1.5-2.5x faster without it under load (docs/EMBEDDINGS.md).
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return env.createSession(onnx, options);
        } catch (OrtException e) {
            throw new ConfigurationException("embedding_config", "cannot load the ONNX model: " + e.getMessage(), e);
        }
    }
}
