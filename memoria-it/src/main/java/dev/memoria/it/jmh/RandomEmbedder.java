package dev.memoria.it.jmh;

import dev.memoria.ports.out.EmbeddingPort;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stand-in embedder returning a random unit vector derived from the text's hash: free to compute, so the
 * retrieval benchmarks measure scoring and search rather than the ONNX model, and deterministic, so equal
 * texts get equal vectors as with a real model.
 */
final class RandomEmbedder implements EmbeddingPort {

    static final int DIMENSION = 384;
    static final String MODEL = "bench";

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        return unitVector(text.hashCode());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        texts.forEach(text -> vectors.add(embed(text)));
        return vectors;
    }

    static float[] unitVector(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] vector = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] = (float) (random.nextDouble() * 2 - 1);
            norm += vector[i] * vector[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMENSION; i++) {
            vector[i] *= scale;
        }
        return vector;
    }
}
