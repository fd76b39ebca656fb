package dev.memoria.adapter.embedding.plugin;

import dev.memoria.ports.error.UnavailableException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The remote plugin client against a scripted HTTP server. */
class HttpPolicyEndpointTest {

    private final MockWebServer server = new MockWebServer();
    private final HttpPolicyEndpoint endpoint = new HttpPolicyEndpoint();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        endpoint.close();
        server.close();
    }

    private String url() {
        return server.url("/plan").toString();
    }

    @Test
    void postsTheRequestAndReturnsTheAnswer() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"policy\":{\"thresholds\":{\"quarantine\":0.35}},\"note\":\"ok\"}").build());

        Map<String, Object> answer = endpoint.consult(url(), Map.of("task", "daily", "plugin_key", "advisor"),
                Duration.ofSeconds(2));

        assertThat(answer).containsKey("policy");
        assertThat(((Map<?, ?>) ((Map<?, ?>) answer.get("policy")).get("thresholds")).get("quarantine"))
                .isEqualTo(0.35);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getBody().utf8()).contains("\"task\":\"daily\"");
    }

    @Test
    void aServerErrorIsUnavailable() {
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        assertThatThrownBy(() -> endpoint.consult(url(), Map.of(), Duration.ofSeconds(2)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("HTTP 503");
    }

    @Test
    void aNonObjectAnswerIsUnavailable() {
        server.enqueue(new MockResponse.Builder().code(200).body("[1,2]").build());
        assertThatThrownBy(() -> endpoint.consult(url(), Map.of(), Duration.ofSeconds(2)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("JSON object");
        server.enqueue(new MockResponse.Builder().code(200).body("{nope").build());
        assertThatThrownBy(() -> endpoint.consult(url(), Map.of(), Duration.ofSeconds(2)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("malformed");
    }

    @Test
    void aSlowEndpointTimesOut() {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(3, TimeUnit.SECONDS).build());
        assertThatThrownBy(() -> endpoint.consult(url(), Map.of(), Duration.ofMillis(300)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("unreachable");
    }

    @Test
    void anUnreachableEndpointIsUnavailable() {
        assertThatThrownBy(() -> endpoint.consult("http://127.0.0.1:1/plan", Map.of(), Duration.ofSeconds(1)))
                .isInstanceOf(UnavailableException.class);
    }
}
