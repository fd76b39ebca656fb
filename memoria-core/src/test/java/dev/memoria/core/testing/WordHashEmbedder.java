package dev.memoria.core.testing;

import dev.memoria.ports.out.EmbeddingPort;

import java.util.List;
import java.util.Locale;

/**
 * A deterministic stand-in embedder for core unit tests: each word (with a tiny synonym table, so that
 * tests can express "same meaning, different words") hashes into one of 64 buckets, and the bag is
 * L2-normalised. The real model is tested in the embedding adapter.
 */
public final class WordHashEmbedder implements EmbeddingPort {

    private static final int DIMENSION = 64;

    @Override
    public String model() {
        return "word-hash-test";
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        float[] vector = new float[DIMENSION];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            vector[Math.floorMod(canonical(word).hashCode(), DIMENSION)] += 1;
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return vector;
    }

    private static String canonical(String word) {
        return switch (word) {
            case "beverage", "drink", "drinks" -> "coffee";
            case "editor", "ide" -> "vim";
            default -> word;
        };
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
