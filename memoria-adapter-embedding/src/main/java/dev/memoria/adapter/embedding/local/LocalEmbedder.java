package dev.memoria.adapter.embedding.local;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import dev.memoria.adapter.embedding.Embedder;
import dev.memoria.ports.error.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A local BERT-style model in process ({@link LocalModel}): role prefix where the model wants one, WordPiece tokenisation (truncated at {@link LocalModel#MAX_TOKENS}),
 * the ONNX encoder, masked mean pooling and L2 normalisation — the sentence-transformers recipe.
 *
 * <p>Batches are sorted by token count before padding, so a long text does not make every short text
 * in the same call pay for its length. Thread-safe; the model is loaded once per instance.
 */
public final class LocalEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEmbedder.class);

    private final LocalModel model;
    private final WordPieceTokenizer tokenizer;
    private final OnnxEncoder encoder;
    // Runs hold the read lock; close() takes the write lock so it never frees a session mid-run.
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private LocalEmbedder(LocalModel model, WordPieceTokenizer tokenizer, OnnxEncoder encoder) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.encoder = encoder;
    }

    /**
     * Loads the model and tokenizer from the class path.
     *
     * @param threads ONNX Runtime intra-op threads; 0 = one per available processor
     * @throws dev.memoria.ports.error.ConfigurationException when a resource is missing or unreadable
     */
    public static LocalEmbedder load(LocalModel model, int threads) {
        long start = System.nanoTime();
        WordPieceTokenizer tokenizer = WordPieceTokenizer.load(model.readTokenizer(), LocalModel.MAX_TOKENS);
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OnnxEncoder encoder = new OnnxEncoder(env, OrtSessionFactory.create(env, model.readOnnx(), threads),
                    model.dimension(), model.clsPooling());
            LOG.info("Loaded local embedding model {} ({}-d, max {} tokens) in {} ms", model.modelName(),
                    model.dimension(), LocalModel.MAX_TOKENS, (System.nanoTime() - start) / 1_000_000);
            return new LocalEmbedder(model, tokenizer, encoder);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    public LocalModel localModel() {
        return model;
    }

    @Override
    public boolean multilingual() {
        // MiniLM and e5-small were trained on English text; for other scripts their similarities carry little
        // meaning. bge-small-zh knows Chinese (and English), so its vectors are trusted for CJK queries too.
        return model.multilingual();
    }

    @Override
    public double unrelatedSimilarity() {
        return model.unrelatedSimilarity();
    }

    @Override
    public String model() {
        return model.modelName();
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(Objects.requireNonNull(text, "text"))).get(0);
    }

    @Override
    public float[] embedQuery(String text) {
        return embedPrefixed(List.of(Objects.requireNonNull(text, "text")), model.queryPrefix()).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return embedPrefixed(texts, model.passagePrefix());
    }

    private List<float[]> embedPrefixed(List<String> texts, String prefix) {
        if (texts.isEmpty()) {
            return List.of();
        }
        for (String text : texts) {
            Objects.requireNonNull(text, "texts must not contain null");
        }
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new UnavailableException("embedding_unavailable", "local embedder " + model + " is closed");
            }
            return embedSorted(tokenizer.encode(prefix.isEmpty() ? texts
                    : texts.stream().map(t -> prefix + t).toList()));
        } catch (OrtException | RuntimeException e) {
            if (e instanceof UnavailableException unavailable) {
                throw unavailable;
            }
            throw new UnavailableException("embedding_unavailable",
                    "local embedder " + model + " failed: " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private List<float[]> embedSorted(List<long[]> ids) throws OrtException {
        int n = ids.size();
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        if (n > 1) {
            Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
        }
        float[][] out = new float[n][];
        int runBatch = model.runBatch();
        for (int from = 0; from < n; from += runBatch) {
            int to = Math.min(n, from + runBatch);
            List<long[]> chunk = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                chunk.add(ids.get(order[i]));
            }
            float[][] vectors = encoder.encode(TokenBatch.pad(chunk));
            for (int i = from; i < to; i++) {
                out[order[i]] = vectors[i - from];
            }
        }
        return Arrays.asList(out);
    }

    /** Embeds a short text once: the first ORT run allocates arenas and is several times slower. */
    @Override
    public void warmUp() {
        long start = System.nanoTime();
        embed("warm-up");
        embedAll(List.of("warm-up", "a second, somewhat longer warm-up sentence"));
        LOG.info("Warmed up local embedding model {} in {} ms", model, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                encoder.close();
                tokenizer.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Visible for tests: the tokenizer's effective settings. */
    WordPieceTokenizer tokenizer() {
        return tokenizer;
    }

    /** Visible for tests and the benchmark: token ids exactly as the embedder computes them. */
    List<long[]> tokenize(List<String> texts) {
        return tokenizer.encode(texts);
    }
}
