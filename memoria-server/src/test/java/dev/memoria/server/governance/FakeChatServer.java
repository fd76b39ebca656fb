package dev.memoria.server.governance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP server speaking the OpenAI chat-completions protocol; the reply content is chosen per request by
 * a function of the prompt, so a test can script what "the model" says (including garbage).
 */
final class FakeChatServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Function<String, MockResponse> responder = prompt -> reply("{}");

    FakeChatServer() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    JsonNode body = JSON.readTree(request.getBody() == null ? "" : request.getBody().utf8());
                    requests.add(body);
                    if (!"/v1/chat/completions".equals(request.getUrl().encodedPath())) {
                        return new MockResponse.Builder().code(404).body("not found").build();
                    }
                    StringBuilder prompt = new StringBuilder();
                    body.path("messages").forEach(m -> prompt.append(m.path("content").asText()).append('\n'));
                    return responder.apply(prompt.toString());
                } catch (IOException e) {
                    return new MockResponse.Builder().code(400).body("bad json").build();
                }
            }
        });
        server.start();
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    void answer(Function<String, String> contentByPrompt) {
        responder = prompt -> reply(contentByPrompt.apply(prompt));
    }

    void respond(Function<String, MockResponse> value) {
        responder = value;
    }

    List<JsonNode> requests() {
        return requests;
    }

    static MockResponse reply(String content) {
        try {
            String body = JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content)))));
            return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
