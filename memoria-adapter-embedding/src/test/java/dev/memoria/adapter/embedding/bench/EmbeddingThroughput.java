package dev.memoria.adapter.embedding.bench;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.memoria.adapter.embedding.local.LocalEmbedder;
import dev.memoria.adapter.embedding.local.LocalModel;

import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Throughput of the local embedder next to a bare ONNX Runtime loop over the same model with
 * pre-tokenised, pre-built input tensors (the ceiling: no tokenising, no tensor building, no
 * pooling). Not a test; run it by hand, see docs/EMBEDDINGS.md.
 *
 * <p>Arguments: {@code [seconds per side and mode, default 5] [rounds, default 5]}.
 */
public final class EmbeddingThroughput {

    private static final String[] SUBJECTS = {"The user", "Our team", "The agent", "My manager", "The customer"};
    private static final String[] FACTS = {
            "prefers dark mode in every editor",
            "decided to migrate the billing database from MySQL to PostgreSQL before the end of the quarter",
            "asked how to configure retries with exponential backoff in the HTTP client",
            "uses IntelliJ IDEA on macOS and runs the tests with Maven",
            "wants short answers without code unless explicitly requested, and dislikes long introductions",
            "is allergic to peanuts",
            "scheduled the release for Tuesday after the security review and the load test have passed",
            "keeps notes in Markdown files inside a private Git repository that is mirrored every night"};

    private EmbeddingThroughput() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> texts = texts(64);
        System.out.printf("cores=%d, texts=%d, %d alternating rounds of %.1f s per side; medians%n",
                Runtime.getRuntime().availableProcessors(), texts.size(), rounds, seconds / rounds);
        List<String> lines = new ArrayList<>();
        for (LocalModel model : LocalModel.values()) {
            try (LocalEmbedder ours = LocalEmbedder.load(model, 0); RawOnnx raw = new RawOnnx(model, texts)) {
                ours.warmUp();
                Work oursSingle = () -> {
                    for (String text : texts) {
                        ours.embed(text);
                    }
                };
                Work oursBatch = () -> {
                    for (int i = 0; i < texts.size(); i += 32) {
                        ours.embedAll(texts.subList(i, i + 32));
                    }
                };
                lines.add(compare(model, "single", seconds, rounds, texts.size(), oursSingle, raw::runSingles));
                lines.add(compare(model, "batch32", seconds, rounds, texts.size(), oursBatch, raw::runBatches));
            }
        }
        System.out.printf("%-20s %-8s %12s %12s %7s%n", "model", "mode", "ours emb/s", "raw emb/s", "ratio");
        lines.forEach(System.out::println);
    }

    /**
     * Alternates short rounds of ours and raw so that load from other processes hits both alike, and
     * reports the medians.
     */
    private static String compare(LocalModel model, String mode, double seconds, int rounds, int perRound,
                                  Work ours, Work raw) throws Exception {
        double slice = seconds / rounds;
        rate(slice, perRound, ours);
        rate(slice, perRound, raw);
        double[] o = new double[rounds];
        double[] r = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            o[i] = rate(slice, perRound, ours);
            r[i] = rate(slice, perRound, raw);
        }
        double mo = median(o);
        double mr = median(r);
        return String.format("%-20s %-8s %12.1f %12.1f %7.2f", model.modelName(), mode, mo, mr, mo / mr);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    interface Work {
        void run() throws Exception;
    }

    /** Embeddings per second of {@code work}, which embeds {@code perRound} texts, over about {@code seconds}. */
    private static double rate(double seconds, int perRound, Work work) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long done = 0;
        do {
            work.run();
            done += perRound;
        } while (System.nanoTime() < end);
        return done / ((System.nanoTime() - start) / 1e9);
    }

    static List<String> texts(int n) {
        List<String> texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            texts.add(SUBJECTS[i % SUBJECTS.length] + " " + FACTS[(i * 3) % FACTS.length] + ".");
        }
        return texts;
    }

    /** A bare ORT session with the same options as OrtSessionFactory, fed tensors built once up front. */
    private static final class RawOnnx implements AutoCloseable {

        private final OrtEnvironment env = OrtEnvironment.getEnvironment();
        private final OrtSession session;
        private final List<Map<String, OnnxTensor>> singles = new ArrayList<>();
        private final List<Map<String, OnnxTensor>> batches = new ArrayList<>();

        RawOnnx(LocalModel model, List<String> texts) throws Exception {
            byte[] onnx;
            try (InputStream in = LocalModel.class.getResourceAsStream(model.onnxResource())) {
                onnx = in.readAllBytes();
            }
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
                options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
                options.setInterOpNumThreads(1);
                options.addConfigEntry("session.intra_op.allow_spinning", "0");
                session = env.createSession(onnx, options);
            }
            List<long[]> ids = new ArrayList<>();
            try (InputStream in = LocalModel.class.getResourceAsStream(model.tokenizerResource());
                 HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(in,
                         Map.of("padding", "false", "truncation", "true", "maxLength", "256"))) {
                for (Encoding e : tokenizer.batchEncode(texts)) {
                    ids.add(e.getIds());
                }
            }
            for (long[] row : ids) {
                singles.add(tensors(List.of(row)));
            }
            for (int i = 0; i < ids.size(); i += 32) {
                batches.add(tensors(ids.subList(i, Math.min(ids.size(), i + 32))));
            }
        }

        private Map<String, OnnxTensor> tensors(List<long[]> rows) throws Exception {
            int length = rows.stream().mapToInt(r -> r.length).max().orElse(0);
            long[] ids = new long[rows.size() * length];
            long[] mask = new long[rows.size() * length];
            for (int r = 0; r < rows.size(); r++) {
                System.arraycopy(rows.get(r), 0, ids, r * length, rows.get(r).length);
                for (int t = 0; t < rows.get(r).length; t++) {
                    mask[r * length + t] = 1;
                }
            }
            long[] shape = {rows.size(), length};
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids.length]), shape));
            }
            return inputs;
        }

        void runSingles() throws Exception {
            run(singles);
        }

        void runBatches() throws Exception {
            run(batches);
        }

        private void run(List<Map<String, OnnxTensor>> inputs) throws Exception {
            for (Map<String, OnnxTensor> input : inputs) {
                try (OrtSession.Result result = session.run(input)) {
                    // Read the output as any caller must; the copy is part of the ceiling.
                    FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
                    if (out.capacity() == 0) {
                        throw new IllegalStateException("empty output");
                    }
                }
            }
        }

        @Override
        public void close() throws Exception {
            for (List<Map<String, OnnxTensor>> list : List.of(singles, batches)) {
                for (Map<String, OnnxTensor> m : list) {
                    for (OnnxTensor t : m.values()) {
                        t.close();
                    }
                }
            }
            session.close();
        }
    }
}
