package dev.memoria.adapter.embedding.local;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static dev.memoria.adapter.embedding.VectorAssertions.cosine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Re-measures each model's {@link LocalModel#unrelatedSimilarity()}: the mean cosine between a query and stored
 * texts on other topics. Retrieval rescales cosines from that baseline, so a constant that no longer matches the
 * model file would silently change how much the vector signal counts. The texts are everyday sentences chosen to
 * share no topic with the questions; the quantised variants are skipped because they track their fp32 models
 * (see {@code LocalEmbedderTest}).
 */
class UnrelatedSimilarityTest {

    static final List<String> QUESTIONS = List.of(
            "Which train goes to the airport on Sundays?",
            "How long should I boil an egg?",
            "What is the password policy for new accounts?",
            "When is the dentist appointment?",
            "Which printer is on the third floor?",
            "How many vacation days are left this year?");

    static final List<String> STORED = List.of(
            "The garden hose has a small leak near the tap.",
            "Her favourite composer is a baroque organist.",
            "The quarterly budget review moved to the large meeting room.",
            "The cat refuses to eat the new brand of food.",
            "Our team switched the build server to a larger machine.",
            "He runs ten kilometres along the river every morning.");

    @ParameterizedTest
    @EnumSource(value = LocalModel.class, names = {"ALL_MINILM_L6_V2", "E5_SMALL_V2", "BGE_SMALL_ZH_V15"})
    void constantMatchesTheMeasuredMeanCosineOfUnrelatedTexts(LocalModel model) {
        try (LocalEmbedder embedder = LocalEmbedder.load(model, 0)) {
            List<float[]> stored = embedder.embedAll(STORED);
            double sum = 0;
            int pairs = 0;
            for (String question : QUESTIONS) {
                float[] query = embedder.embedQuery(question);
                for (float[] text : stored) {
                    sum += cosine(query, text);
                    pairs++;
                }
            }
            double measured = sum / pairs;
            assertThat(model.unrelatedSimilarity()).as("%s measured %.3f", model, measured)
                    .isCloseTo(measured, within(0.06));
        }
    }
}
