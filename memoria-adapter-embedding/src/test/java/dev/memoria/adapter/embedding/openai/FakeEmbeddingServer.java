package dev.memoria.adapter.embedding.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server speaking the OpenAI {@code POST /v1/embeddings} protocol. Vectors are a
 * deterministic, deliberately non-unit function of the text; scripted responses (errors, garbage)
 * are served first, one per request.
 */
final class FakeEmbeddingServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final String name;
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final MockWebServer server = new MockWebServer();
    private final Queue<MockResponse> scripted = new ConcurrentLinkedQueue<>();
    private final List<String> callLog;
    volatile int dimension = 8;
    volatile boolean reverseOrder;

    FakeEmbeddingServer(String name, List<String> callLog) throws IOException {
        this.name = name;
        this.callLog = callLog;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
    }

    String baseUrl() {
        return server.url("/v1").toString();
    }

    /** The next request gets this response instead of embeddings. */
    FakeEmbeddingServer thenRespond(MockResponse response) {
        scripted.add(response);
        return this;
    }

    FakeEmbeddingServer thenStatus(int code, String body) {
        return thenRespond(new MockResponse.Builder().code(code).body(body).build());
    }

    int requestCount() {
        return requests.size();
    }

    /** Input sizes of the requests received, in order. */
    List<Integer> batchSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (JsonNode request : requests) {
            sizes.add(request.get("input").size());
        }
        return sizes;
    }

    static float[] vectorFor(String text, int dimension) {
        float[] v = new float[dimension];
        int h = text.hashCode();
        for (int i = 0; i < dimension; i++) {
            h = h * 31 + i + 7;
            v[i] = 3f * ((h % 1000) / 1000f) + (i == 0 ? 5f : 0f); // never zero, never unit length
        }
        return v;
    }

    private MockResponse answer(RecordedRequest request) {
        callLog.add(name);
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody() == null ? "" : request.getBody().utf8());
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).body("{\"error\":\"bad json\"}").build();
        }
        requests.add(body);
        authorizations.add(String.valueOf(request.getHeaders().get("Authorization")));
        MockResponse next = scripted.poll();
        if (next != null) {
            return next;
        }
        if (!"/v1/embeddings".equals(request.getUrl().encodedPath()) || !"POST".equals(request.getMethod())) {
            return new MockResponse.Builder().code(404).body("{\"error\":\"not found\"}").build();
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.put("object", "list");
        ArrayNode data = reply.putArray("data");
        JsonNode input = body.get("input");
        for (int k = 0; k < input.size(); k++) {
            int i = reverseOrder ? input.size() - 1 - k : k;
            ObjectNode item = data.addObject();
            item.put("object", "embedding");
            item.put("index", i);
            ArrayNode vector = item.putArray("embedding");
            for (float x : vectorFor(input.get(i).asText(), dimension)) {
                vector.add(x);
            }
        }
        reply.put("model", body.path("model").asText());
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(reply.toString()).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
