package dev.memoria.adapter.embedding.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The OpenAI {@code POST /embeddings} wire format: request body out, vectors in. */
final class EmbeddingsProtocol {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A reply we cannot use; the message says what is wrong with it. */
    static final class MalformedResponse extends Exception {
        MalformedResponse(String message) {
            super(message, null, false, false);
        }
    }

    private EmbeddingsProtocol() {
    }

    /**
     * {@code {"model": ..., "input": [...]}}, plus {@code "dimensions"} when {@code dimensions > 0}.
     * Input is always an array, which every compatible server accepts, so a batch of one is no
     * special case.
     */
    static byte[] request(String model, List<String> input, int dimensions) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        ArrayNode array = body.putArray("input");
        input.forEach(array::add);
        if (dimensions > 0) {
            body.put("dimensions", dimensions);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads {@code data[].embedding} and puts each vector at its {@code data[].index} (servers may
     * answer out of order; when no item has an index, array order is used).
     *
     * @param expected how many inputs were sent; the reply must have exactly one vector per input
     */
    static float[][] parse(byte[] body, int expected) throws MalformedResponse {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new MalformedResponse("response is not JSON: " + Snippet.of(body));
        }
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray()) {
            throw new MalformedResponse("response has no \"data\" array: " + Snippet.of(body));
        }
        if (data.size() != expected) {
            throw new MalformedResponse("sent " + expected + " inputs but got " + data.size() + " embeddings");
        }
        boolean indexed = data.size() > 0 && data.get(0).has("index");
        float[][] out = new float[expected][];
        for (int i = 0; i < expected; i++) {
            JsonNode item = data.get(i);
            int index = i;
            if (indexed) {
                JsonNode idx = item.get("index");
                if (idx == null || !idx.canConvertToInt() || idx.asInt() < 0 || idx.asInt() >= expected) {
                    throw new MalformedResponse("data[" + i + "].index is missing or out of range: " + idx);
                }
                index = idx.asInt();
                if (out[index] != null) {
                    throw new MalformedResponse("index " + index + " appears twice in data");
                }
            }
            out[index] = vector(item.get("embedding"), i);
        }
        return out;
    }

    private static float[] vector(JsonNode embedding, int item) throws MalformedResponse {
        if (embedding == null || !embedding.isArray() || embedding.isEmpty()) {
            throw new MalformedResponse("data[" + item + "].embedding is not a non-empty array of numbers"
                    + (embedding != null && embedding.isTextual() ? " (base64 encoding is not supported)" : ""));
        }
        float[] v = new float[embedding.size()];
        for (int d = 0; d < v.length; d++) {
            JsonNode x = embedding.get(d);
            if (!x.isNumber()) {
                throw new MalformedResponse("data[" + item + "].embedding[" + d + "] is not a number: " + x);
            }
            v[d] = x.floatValue();
            if (!Float.isFinite(v[d])) {
                throw new MalformedResponse("data[" + item + "].embedding[" + d + "] is not finite");
            }
        }
        return v;
    }
}
