package dev.memoria.adapter.embedding.openai;

import dev.memoria.adapter.embedding.EmbeddingEndpoint;
import dev.memoria.adapter.embedding.EmbeddingSettings;
import dev.memoria.ports.error.UnavailableException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static dev.memoria.adapter.embedding.VectorAssertions.cosine;
import static dev.memoria.adapter.embedding.VectorAssertions.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A single OpenAI-compatible endpoint: protocol, batching, retries, dimension, malformed replies. */
class OpenAiEmbedderTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final ManualTime time = new ManualTime();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private FakeEmbeddingServer server() throws IOException {
        FakeEmbeddingServer server = new FakeEmbeddingServer("A", calls);
        closeables.add(server);
        return server;
    }

    private static EmbeddingSettings settings(FakeEmbeddingServer server) {
        return new EmbeddingSettings("openai", "text-embedding-test", "sk-test", server.baseUrl(), List.of(), 0,
                64, Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofSeconds(30), 0, false);
    }

    private OpenAiEmbedder embedder(EmbeddingSettings settings) {
        OpenAiEmbedder embedder = new OpenAiEmbedder(settings, time, time, Backoff.DEFAULT);
        closeables.add(embedder);
        return embedder;
    }

    @Test
    void speaksTheOpenAiProtocolAndReturnsUnitVectorsInInputOrder() throws IOException {
        FakeEmbeddingServer server = server();
        server.reverseOrder = true; // the reply lists items by descending index
        OpenAiEmbedder embedder = embedder(settings(server));

        List<float[]> vectors = embedder.embedAll(List.of("alpha", "beta", "gamma"));

        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(server.requests.get(0).get("model").asText()).isEqualTo("text-embedding-test");
        assertThat(server.requests.get(0).get("input").toString()).isEqualTo("[\"alpha\",\"beta\",\"gamma\"]");
        assertThat(server.requests.get(0).has("dimensions")).isFalse();
        assertThat(server.authorizations).containsExactly("Bearer sk-test");
        assertThat(vectors).hasSize(3);
        String[] texts = {"alpha", "beta", "gamma"};
        for (int i = 0; i < 3; i++) {
            assertThat(norm(vectors.get(i))).isCloseTo(1.0, within(1e-6));
            assertThat(cosine(vectors.get(i), FakeEmbeddingServer.vectorFor(texts[i], 8))).isCloseTo(1.0, within(1e-6));
        }
        assertThat(embedder.model()).isEqualTo("text-embedding-test");
    }

    @Test
    void omitsTheAuthorizationHeaderWithoutKeyAndSendsDimensionsOnlyWhenAsked() throws IOException {
        FakeEmbeddingServer server = server();
        EmbeddingSettings settings = new EmbeddingSettings("openai", "m", "", server.baseUrl(), List.of(), 8,
                64, Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofSeconds(30), 0, true);
        embedder(settings).embed("x");
        assertThat(server.authorizations).containsExactly("null");
        assertThat(server.requests.get(0).get("dimensions").asInt()).isEqualTo(8);
    }

    @Test
    void splitsLargeInputsIntoBatches() throws IOException {
        FakeEmbeddingServer server = server();
        OpenAiEmbedder embedder = embedder(settings(server).withBatchSize(3));
        List<String> texts = List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6");

        List<float[]> vectors = embedder.embedAll(texts);

        assertThat(server.batchSizes()).containsExactly(3, 3, 1);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(cosine(vectors.get(i), FakeEmbeddingServer.vectorFor(texts.get(i), 8))).isCloseTo(1.0, within(1e-6));
        }
        assertThat(embedder.embedAll(List.of())).isEmpty();
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void retriesServerErrorsAndRateLimitsWithBackoffHonouringRetryAfter() throws IOException {
        FakeEmbeddingServer server = server()
                .thenStatus(500, "{\"error\":\"boom\"}")
                .thenRespond(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("slow down").build());
        OpenAiEmbedder embedder = embedder(settings(server));

        float[] v = embedder.embed("hello");

        assertThat(v).hasSize(8);
        assertThat(server.requestCount()).isEqualTo(3);
        // first retry: 200 ms backoff; second: Retry-After 1 s beats the 400 ms backoff
        assertThat(time.sleeps).containsExactly(Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    @Test
    void givesUpAfterMaxAttemptsNamingTheEndpointStatusAndBody() throws IOException {
        FakeEmbeddingServer server = server()
                .thenStatus(503, "upstream overloaded").thenStatus(503, "upstream overloaded")
                .thenStatus(503, "upstream overloaded");
        OpenAiEmbedder embedder = embedder(settings(server));

        assertThatThrownBy(() -> embedder.embed("hello"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining(server.baseUrl() + "/embeddings")
                .hasMessageContaining("HTTP 503: upstream overloaded")
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("openai");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void doesNotRetryARefusedRequest() throws IOException {
        FakeEmbeddingServer server = server().thenStatus(400, "{\"error\":{\"message\":\"input too long\"}}");
        OpenAiEmbedder embedder = embedder(settings(server));

        assertThatThrownBy(() -> embedder.embed("hello"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("input too long");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void failsAtOnceWhenRetryAfterExceedsTheRequestTimeout() throws IOException {
        FakeEmbeddingServer server = server()
                .thenRespond(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").body("quota").build());
        OpenAiEmbedder embedder = embedder(settings(server));

        assertThatThrownBy(() -> embedder.embed("hello"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("HTTP 429")
                .hasMessageContaining("Retry-After 120 s");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void timesOutASilentServer() throws IOException {
        FakeEmbeddingServer server = server()
                .thenRespond(new MockResponse.Builder().code(200).body("{}").headersDelay(5, TimeUnit.SECONDS).build());
        OpenAiEmbedder embedder = embedder(settings(server)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)).withMaxAttempts(1));

        assertThatThrownBy(() -> embedder.embed("hello"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining(server.baseUrl())
                .hasMessageContaining("timed out");
    }

    @Test
    void detectsTheDimensionFromTheFirstResponseAndThenHoldsIt() throws IOException {
        FakeEmbeddingServer server = server();
        server.dimension = 12;
        OpenAiEmbedder embedder = embedder(settings(server));

        assertThat(embedder.dimension()).isEqualTo(12); // probes the endpoint once
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(embedder.embed("x")).hasSize(12);
        assertThat(embedder.dimension()).isEqualTo(12);
        assertThat(server.requestCount()).isEqualTo(2);

        server.dimension = 16;
        assertThatThrownBy(() -> embedder.embed("y"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("returned 16-d vectors")
                .hasMessageContaining("detected as 12");
        assertThat(server.requestCount()).isEqualTo(3); // a wrong dimension is not retried
    }

    @Test
    void rejectsVectorsOfAnotherLengthThanConfigured() throws IOException {
        FakeEmbeddingServer server = server();
        OpenAiEmbedder embedder = embedder(new EmbeddingSettings("openai", "m", "k", server.baseUrl(), List.of(), 384,
                64, Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofSeconds(30), 0, false));

        assertThat(embedder.dimension()).isEqualTo(384); // configured: no probe
        assertThat(server.requestCount()).isZero();
        assertThatThrownBy(() -> embedder.embed("x"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("returned 8-d vectors but MEMORIA_EMBEDDING_DIM is 384");
    }

    @Test
    void explainsMalformedResponses() throws IOException {
        FakeEmbeddingServer server = server()
                .thenStatus(200, "<html>gateway</html>")
                .thenStatus(200, "{\"object\":\"list\"}")
                .thenStatus(200, "{\"data\":[]}")
                .thenStatus(200, "{\"data\":[{\"index\":0,\"embedding\":[0.1,\"x\"]}]}")
                .thenStatus(200, "{\"data\":[{\"index\":0,\"embedding\":\"AAAA\"}]}")
                .thenStatus(200, "{\"data\":[{\"index\":5,\"embedding\":[1,2]}]}");
        OpenAiEmbedder embedder = embedder(settings(server));

        assertThatThrownBy(() -> embedder.embed("a")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("malformed response: response is not JSON: <html>gateway</html>");
        assertThatThrownBy(() -> embedder.embed("a")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("no \"data\" array");
        assertThatThrownBy(() -> embedder.embed("a")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("sent 1 inputs but got 0 embeddings");
        assertThatThrownBy(() -> embedder.embed("a")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("embedding[1] is not a number");
        assertThatThrownBy(() -> embedder.embed("a")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> embedder.embed("a")).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("index is missing or out of range");
        assertThat(server.requestCount()).isEqualTo(6); // malformed replies are not retried
    }

    @Test
    void reportsAnUnreachableEndpoint() throws IOException {
        FakeEmbeddingServer server = server();
        String url = server.baseUrl();
        server.close();
        OpenAiEmbedder embedder = embedder(new EmbeddingSettings("openai", "m", "k", url, List.of(), 0,
                64, Duration.ofSeconds(1), Duration.ofSeconds(1), 2, Duration.ofSeconds(30), 0, false));

        assertThatThrownBy(() -> embedder.embed("x"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("I/O error")
                .hasMessageContaining("after 2 attempts");
    }

    @Test
    void endpointToStringNeverShowsTheKey() {
        assertThat(new EmbeddingEndpoint("https://x.example/v1/", "sk-secret").toString())
                .isEqualTo("https://x.example/v1").doesNotContain("secret");
    }
}
