package dev.memoria.adapter.embedding.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.ports.error.UnavailableException;
import dev.memoria.ports.out.PolicyEndpoint;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Consults a remote governance plugin over HTTP: {@code POST <endpoint>} with the run's JSON request, expecting a
 * 2xx JSON object back. One attempt, bounded by the plugin's timeout: governance falls back to the built-in
 * policy on any failure, so retrying here would only delay the run.
 */
public final class HttpPolicyEndpoint implements PolicyEndpoint, AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ANSWER_BYTES = 256 * 1024;

    private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

    @Override
    public Map<String, Object> consult(String endpoint, Map<String, Object> request, Duration timeout) {
        OkHttpClient client = http.newBuilder().callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout)
                .build();
        Request call;
        try {
            call = new Request.Builder().url(endpoint).header("Accept", "application/json")
                    .post(RequestBody.create(MAPPER.writeValueAsBytes(request), JSON)).build();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnavailableException("remote_plugin_failed", "cannot call " + endpoint + ": " + e.getMessage());
        }
        try (Response response = client.newCall(call).execute()) {
            byte[] body = response.body().source().readByteArray(); // bounded below
            if (body.length > MAX_ANSWER_BYTES) {
                throw new UnavailableException("remote_plugin_failed", "answer larger than " + MAX_ANSWER_BYTES
                        + " bytes");
            }
            if (!response.isSuccessful()) {
                throw new UnavailableException("remote_plugin_failed", endpoint + " answered HTTP " + response.code());
            }
            JsonNode answer = MAPPER.readTree(body);
            if (answer == null || !answer.isObject()) {
                throw new UnavailableException("remote_plugin_failed", endpoint + " did not answer a JSON object");
            }
            return MAPPER.convertValue(answer, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new UnavailableException("remote_plugin_failed", endpoint + " answered malformed JSON");
        } catch (IOException e) {
            throw new UnavailableException("remote_plugin_failed", endpoint + " unreachable: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
