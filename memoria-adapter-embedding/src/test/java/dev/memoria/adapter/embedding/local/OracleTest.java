package dev.memoria.adapter.embedding.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.memoria.adapter.embedding.VectorAssertions.cosine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares our vectors with an independent implementation of the same model: LangChain4j's
 * in-process {@code OnnxEmbeddingModel} (its own ORT invocation, one text per run, no padding, its own
 * pooling and normalisation), fed the same files.
 *
 * <p>Two deliberate adjustments to the oracle's tokenizer.json: the shipped file truncates at 128 and
 * pads to 128, while sentence-transformers (and we) truncate at 256 and do not pad. The oracle gets
 * {@code max_length = 256} and no padding, so both sides see the same word pieces.
 */
class OracleTest {

    static final List<String> SENTENCES = List.of(
            "Hello world",
            "The user prefers dark mode and uses IntelliJ IDEA on macOS.",
            "Memoria stores memories for AI agents with snapshots, branches and merges.",
            "What did I decide about the database migration last Tuesday?",
            "Der Benutzer bevorzugt kurze Antworten und schreibt meistens auf Deutsch über Datenbanken.",
            "Größenänderungen müssen über die Straße getragen werden.",
            "我喜欢在周末去公园散步，然后在咖啡馆里读书。",
            "用户偏好使用 Python 和 PostgreSQL 进行数据分析。",
            "Les embeddings multilingues ne sont pas le point fort de ce modèle.",
            "   leading and trailing whitespace   ",
            "a",
            "$ ./mvnw -q -pl memoria-adapter-embedding -am install && echo OK",
            "Emoji 🚀🔥 and symbols ©®™ become unknown tokens.",
            longText());

    @TempDir
    static Path dir;

    static String longText() {
        String paragraph = "Persistent memory lets an agent recall preferences, decisions and facts across "
                + "sessions. Each memory is embedded, stored with its type and subject, and retrieved by a "
                + "hybrid of vector similarity and full-text search. ";
        return paragraph.repeat(12); // several hundred word pieces: truncated at 256
    }

    @ParameterizedTest
    @EnumSource(LocalModel.class)
    void vectorsMatchTheIndependentImplementation(LocalModel model) throws Exception {
        Path onnx = dir.resolve(model.modelName() + ".onnx");
        Files.write(onnx, model.readOnnx());
        ObjectMapper json = new ObjectMapper();
        ObjectNode tokenizer = (ObjectNode) json.readTree(model.readTokenizer());
        // some exports ship no truncation at all: give the oracle the same limit as ours
        if (!(tokenizer.get("truncation") instanceof ObjectNode)) {
            tokenizer.putObject("truncation").put("direction", "Right").put("stride", 0)
                    .put("strategy", "LongestFirst");
        }
        ((ObjectNode) tokenizer.get("truncation")).put("max_length", LocalModel.MAX_TOKENS);
        tokenizer.putNull("padding");
        Path tokenizerJson = dir.resolve(model.modelName() + "-tokenizer.json");
        json.writeValue(tokenizerJson.toFile(), tokenizer);

        OnnxEmbeddingModel oracle = new OnnxEmbeddingModel(onnx, tokenizerJson,
                model.clsPooling() ? PoolingMode.CLS : PoolingMode.MEAN);
        try (LocalEmbedder ours = LocalEmbedder.load(model, 0)) {
            assertThat(ours.tokenize(List.of(longText())).get(0)).hasSize(LocalModel.MAX_TOKENS);
            List<float[]> batch = ours.embedAll(SENTENCES);
            List<Double> cosines = new ArrayList<>();
            for (int i = 0; i < SENTENCES.size(); i++) {
                float[] expected = oracle.embed(model.passagePrefix() + SENTENCES.get(i)).content().vector();
                double c = cosine(batch.get(i), expected);
                cosines.add(c);
                assertThat(c).as("%s: '%s'", model, abbreviate(SENTENCES.get(i))).isGreaterThanOrEqualTo(0.999);
            }
            System.out.println(model + " cosine vs oracle: " + cosines);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
