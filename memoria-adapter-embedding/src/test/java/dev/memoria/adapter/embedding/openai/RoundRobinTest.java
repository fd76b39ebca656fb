package dev.memoria.adapter.embedding.openai;

import dev.memoria.adapter.embedding.EmbeddingEndpoint;
import dev.memoria.adapter.embedding.EmbeddingSettings;
import dev.memoria.ports.error.UnavailableException;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several endpoints: rotation, skipping failing ones, cool-down and recovery. */
class RoundRobinTest {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final ManualTime time = new ManualTime();
    private FakeEmbeddingServer a;
    private FakeEmbeddingServer b;
    private FakeEmbeddingServer c;
    private OpenAiEmbedder embedder;

    @BeforeEach
    void start() throws IOException {
        a = new FakeEmbeddingServer("A", calls);
        b = new FakeEmbeddingServer("B", calls);
        c = new FakeEmbeddingServer("C", calls);
        embedder = embedder(Duration.ofMillis(500));
    }

    private OpenAiEmbedder embedder(Duration timeout) {
        List<EmbeddingEndpoint> endpoints = List.of(new EmbeddingEndpoint(a.baseUrl(), "key-A"),
                new EmbeddingEndpoint(b.baseUrl(), "key-B"), new EmbeddingEndpoint(c.baseUrl(), "key-C"));
        EmbeddingSettings settings = new EmbeddingSettings("openai", "m", "ignored", "https://ignored.example/v1",
                endpoints, 0, 64, Duration.ofSeconds(1), timeout, 3, Duration.ofSeconds(30), 0, false);
        return new OpenAiEmbedder(settings, time, time, Backoff.DEFAULT);
    }

    @AfterEach
    void stop() {
        embedder.close();
        a.close();
        b.close();
        c.close();
    }

    private void embedTimes(int n) {
        for (int i = 0; i < n; i++) {
            embedder.embed("text " + i);
        }
    }

    @Test
    void rotatesRequestsAcrossEndpointsWithTheirOwnKeys() {
        embedTimes(6);
        assertThat(calls).containsExactly("A", "B", "C", "A", "B", "C");
        assertThat(a.authorizations).containsOnly("Bearer key-A");
        assertThat(b.authorizations).containsOnly("Bearer key-B");
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void skipsAFailingEndpointUntilItsCooldownPassesThenUsesItAgain() {
        b.thenStatus(500, "internal error");
        embedTimes(1);                 // A
        embedder.embed("fails over");  // B fails -> C answers
        assertThat(calls).containsExactly("A", "B", "C");

        calls.clear();
        embedTimes(4);                 // B is skipped
        assertThat(calls).doesNotContain("B").hasSize(4);

        time.advance(Duration.ofSeconds(31));
        calls.clear();
        embedTimes(3);
        assertThat(calls).contains("B").hasSize(3); // recovered, no failed request on the way
        assertThat(time.sleeps).isEmpty();         // failover never waits
    }

    @Test
    void skipsARateLimitedEndpointForItsRetryAfterWhenLongerThanTheCooldown() {
        a.thenRespond(new MockResponse.Builder().code(429).addHeader("Retry-After", "120").body("rate limited").build());
        embedTimes(1); // A 429 -> B
        assertThat(calls).containsExactly("A", "B");

        time.advance(Duration.ofSeconds(60)); // past the 30 s cool-down, not past Retry-After
        calls.clear();
        embedTimes(3);
        assertThat(calls).doesNotContain("A");

        time.advance(Duration.ofSeconds(61));
        calls.clear();
        embedTimes(3);
        assertThat(calls).contains("A");
    }

    @Test
    void skipsAnEndpointThatTimesOut() {
        a.thenRespond(new MockResponse.Builder().code(200).body("{}").headersDelay(5, TimeUnit.SECONDS).build());
        embedTimes(1); // A times out -> B
        assertThat(calls).containsExactly("A", "B");
        calls.clear();
        embedTimes(4);
        assertThat(calls).doesNotContain("A");
    }

    @Test
    void failsListingEveryEndpointWhenAllAreDownAndThenFailsFastWhileTheyCool() {
        a.thenStatus(502, "bad gateway");
        b.thenStatus(503, "overloaded");
        c.thenRespond(new MockResponse.Builder().code(429).body("quota").build());

        assertThatThrownBy(() -> embedder.embed("x"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("all embedding endpoints failed")
                .hasMessageContaining(a.baseUrl()).hasMessageContaining("HTTP 502: bad gateway")
                .hasMessageContaining(b.baseUrl()).hasMessageContaining("HTTP 503: overloaded")
                .hasMessageContaining(c.baseUrl()).hasMessageContaining("HTTP 429: quota");

        calls.clear();
        assertThatThrownBy(() -> embedder.embed("x"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("all 3 embedding endpoints are cooling down")
                .hasMessageContaining("HTTP 503: overloaded");
        assertThat(calls).isEmpty();

        time.advance(Duration.ofSeconds(30));
        assertThat(embedder.embed("x")).hasSize(8);
    }

    @Test
    void rejectsAnEndpointWhoseDimensionDiffersFromTheOthers() {
        b.dimension = 16;
        embedTimes(1); // A: detects 8
        embedder.embed("b has the wrong dimension"); // B rejected -> C
        assertThat(calls).containsExactly("A", "B", "C");

        a.thenStatus(500, "down");
        c.thenStatus(500, "down");
        assertThatThrownBy(() -> embedTimes(3))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining(b.baseUrl() + " (skipped for another")
                .hasMessageContaining("returned 16-d vectors but the embedding dimension was detected as 8");
    }

    @Test
    void failsOverOnABadKeyButAbortsARefusedRequest() {
        a.thenStatus(401, "invalid api key");
        embedTimes(1); // A 401 -> B
        assertThat(calls).containsExactly("A", "B");

        calls.clear();
        b.thenStatus(400, "input too long"); // the second request starts at B
        assertThatThrownBy(() -> embedder.embed("x"))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("HTTP 400: input too long");
        assertThat(calls).containsExactly("B"); // not retried elsewhere: every endpoint would refuse it
    }
}
