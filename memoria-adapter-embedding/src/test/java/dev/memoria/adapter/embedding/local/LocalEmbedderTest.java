package dev.memoria.adapter.embedding.local;

import dev.memoria.ports.error.ConfigurationException;
import dev.memoria.ports.error.UnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.memoria.adapter.embedding.VectorAssertions.cosine;
import static dev.memoria.adapter.embedding.VectorAssertions.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LocalEmbedderTest {

    static final List<String> TEXTS = List.of(
            "The cat sits on the mat.",
            "A kitten is resting on a rug.",
            "Quarterly revenue grew by twelve percent.",
            "",
            "Der Hund läuft schnell über die Straße.",
            "我喜欢在周末去公园散步。",
            "SELECT * FROM mem_memories WHERE user_id = ? ORDER BY created_at DESC LIMIT 10;",
            "The user prefers dark mode in every editor 🙂",
            "word ".repeat(400));

    static LocalEmbedder fp32;

    @BeforeAll
    static void load() {
        fp32 = LocalEmbedder.load(LocalModel.ALL_MINILM_L6_V2, 0);
        fp32.warmUp();
    }

    @AfterAll
    static void close() {
        fp32.close();
    }

    @Test
    void vectorsAreUnitLengthWith384Dimensions() {
        assertThat(fp32.dimension()).isEqualTo(384);
        assertThat(fp32.model()).isEqualTo("all-MiniLM-L6-v2");
        for (float[] v : fp32.embedAll(TEXTS)) {
            assertThat(v).hasSize(384);
            assertThat(norm(v)).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        float[] cat = fp32.embed("The cat sits on the mat.");
        float[] kitten = fp32.embed("A kitten is resting on a rug.");
        float[] revenue = fp32.embed("Quarterly revenue grew by twelve percent.");
        assertThat(cosine(cat, kitten)).isGreaterThan(cosine(cat, revenue) + 0.3);
        assertThat(cosine(kitten, cat)).isGreaterThan(cosine(kitten, revenue) + 0.3);
    }

    @Test
    void batchGivesTheSameVectorsAsSingleCalls() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            many.addAll(TEXTS); // 27 texts of very different lengths: exercises sorting and padding
        }
        many.addAll(TEXTS.subList(0, 7)); // 34 > one ORT run of 32
        List<float[]> batch = fp32.embedAll(many);
        assertThat(batch).hasSize(many.size());
        for (int i = 0; i < many.size(); i++) {
            float[] single = fp32.embed(many.get(i));
            assertThat(cosine(batch.get(i), single)).as("text %d", i).isGreaterThan(0.99999);
        }
    }

    @Test
    void truncatesAt256WordPiecesIncludingSpecialTokens() {
        // the shipped tokenizer.json says "truncate at 128, pad to 128"; we override both
        assertThat(fp32.tokenizer().maxLength()).isEqualTo(256);
        assertThat(fp32.tokenizer().padding()).isEqualTo("DO_NOT_PAD");
        String longText = "memory ".repeat(300);
        assertThat(fp32.tokenize(List.of(longText)).get(0)).hasSize(256);
        // 254 pieces + [CLS] + [SEP]: exactly what survives truncation of the long text.
        float[] prefix = fp32.embed("memory ".repeat(254));
        assertThat(cosine(fp32.embed(longText), prefix)).isGreaterThan(0.99999);
        assertThat(cosine(fp32.embed("memory ".repeat(200)), prefix)).isLessThan(0.99999);
    }

    @Test
    void emptyInputMakesNoWork() {
        assertThat(fp32.embedAll(List.of())).isEmpty();
    }

    @Test
    void isThreadSafe() throws Exception {
        List<float[]> expected = fp32.embedAll(TEXTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> fp32.embedAll(TEXTS)));
            }
            for (Future<List<float[]>> future : futures) {
                List<float[]> got = future.get();
                for (int i = 0; i < TEXTS.size(); i++) {
                    assertThat(cosine(got.get(i), expected.get(i))).isGreaterThan(0.99999);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void int8ModelWorksAndAgreesWithFp32() {
        try (LocalEmbedder int8 = LocalEmbedder.load(LocalModel.byName("all-MiniLM-L6-v2-q"), 0)) {
            assertThat(int8.model()).isEqualTo("all-MiniLM-L6-v2-q");
            List<float[]> q = int8.embedAll(TEXTS);
            List<float[]> f = fp32.embedAll(TEXTS);
            for (int i = 0; i < TEXTS.size(); i++) {
                assertThat(q.get(i)).hasSize(384);
                assertThat(norm(q.get(i))).isCloseTo(1.0, within(1e-5));
                assertThat(cosine(q.get(i), f.get(i))).as("text %d", i).isGreaterThan(0.9);
                // int8 runs one text per ONNX call, so a batch gives exactly the single-call vectors
                assertThat(cosine(q.get(i), int8.embed(TEXTS.get(i)))).as("text %d", i).isGreaterThan(0.99999);
            }
            float[] cat = int8.embed("The cat sits on the mat.");
            assertThat(cosine(cat, int8.embed("A kitten is resting on a rug.")))
                    .isGreaterThan(cosine(cat, int8.embed("Quarterly revenue grew by twelve percent.")));
        }
    }

    @Test
    void modelNamesAreCheckedWithAHelpfulMessage() {
        assertThat(LocalModel.byName("sentence-transformers/all-MiniLM-L6-v2")).isEqualTo(LocalModel.ALL_MINILM_L6_V2);
        assertThat(LocalModel.byName("ALL-MINILM-L6-V2-Q")).isEqualTo(LocalModel.ALL_MINILM_L6_V2_Q);
        assertThatThrownBy(() -> LocalModel.byName("bge-m3"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("bge-m3")
                .hasMessageContaining("all-MiniLM-L6-v2, all-MiniLM-L6-v2-q");
    }

    @Test
    void aClosedEmbedderIsUnavailable() {
        LocalEmbedder embedder = LocalEmbedder.load(LocalModel.ALL_MINILM_L6_V2_Q, 1);
        embedder.close();
        embedder.close(); // idempotent
        assertThatThrownBy(() -> embedder.embed("x"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("closed");
    }
}
