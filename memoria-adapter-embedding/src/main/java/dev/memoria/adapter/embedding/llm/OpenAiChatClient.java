package dev.memoria.adapter.embedding.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memoria.ports.error.UnavailableException;
import dev.memoria.ports.out.LlmPort;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;

import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code POST {base}/chat/completions} of any OpenAI-compatible endpoint. Transient failures (429, 5xx, I/O,
 * timeouts) are retried with exponential backoff, honouring a numeric Retry-After; anything else, and running out
 * of retries, is an {@link UnavailableException}. The reply text is returned as-is — validating it is the caller's
 * job, because models do not always follow instructions.
 */
public final class OpenAiChatClient implements LlmPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final LlmSettings settings;
    private final OkHttpClient http;
    private volatile boolean jsonModeUnsupported;

    public OpenAiChatClient(LlmSettings settings) {
        this.settings = settings;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(settings.timeout())
                .writeTimeout(settings.timeout())
                .callTimeout(settings.timeout())
                .build();
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public String complete(LlmPort.Request request) {
        String lastFailure = "no attempt";
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            boolean json = request.json() && !jsonModeUnsupported;
            okhttp3.Request.Builder call = new okhttp3.Request.Builder().url(settings.baseUrl() + "/chat/completions")
                    .post(RequestBody.create(body(request, json), JSON));
            if (!settings.apiKey().isBlank()) {
                call.header("Authorization", "Bearer " + settings.apiKey());
            }
            Duration wait = backoff(attempt);
            try (Response response = http.newCall(call.build()).execute()) {
                int status = response.code();
                String text = response.body().string();
                if (status >= 200 && status < 300) {
                    return content(text);
                }
                lastFailure = "HTTP " + status + ": " + snippet(text);
                if (status == 400 && json && text.contains("response_format")) {
                    // an endpoint without JSON mode: the prompts ask for JSON anyway
                    jsonModeUnsupported = true;
                    continue;
                }
                if (status != 429 && status < 500) {
                    throw new UnavailableException("llm_failed", "The LLM endpoint refused the request (" + lastFailure + ")");
                }
                wait = retryAfter(response.header("Retry-After"), wait);
            } catch (IOException e) {
                lastFailure = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (IllegalArgumentException e) {
                throw new UnavailableException("llm_failed", "Invalid LLM_BASE_URL: " + e.getMessage());
            }
            if (attempt < settings.retries()) {
                LOG.debug("LLM call failed ({}), retrying in {} ms", lastFailure, wait.toMillis());
                sleep(wait);
            }
        }
        throw new UnavailableException("llm_unavailable", "The LLM endpoint is unavailable (" + lastFailure + ")");
    }

    private byte[] body(LlmPort.Request request, boolean json) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", settings.model());
        ArrayNode messages = body.putArray("messages");
        for (LlmPort.Message m : request.messages()) {
            messages.addObject().put("role", m.role()).put("content", m.content());
        }
        body.put("temperature", request.temperature());
        if (request.maxTokens() > 0) {
            body.put("max_tokens", request.maxTokens());
        }
        if (json) {
            body.putObject("response_format").put("type", "json_object");
        }
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String content(String responseText) {
        try {
            JsonNode root = MAPPER.readTree(responseText);
            JsonNode content = root.path("choices").path(0).path("message").path("content");
            return content.isTextual() ? content.textValue() : "";
        } catch (IOException e) {
            throw new UnavailableException("llm_malformed", "The LLM endpoint returned a response that is not JSON");
        }
    }

    private static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(5_000, 250L << Math.min(attempt, 10)));
    }

    private static Duration retryAfter(String header, Duration fallback) {
        if (header == null) {
            return fallback;
        }
        try {
            Duration asked = Duration.ofSeconds(Long.parseLong(header.trim()));
            return asked.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : asked;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("llm_interrupted", "Interrupted while waiting to retry the LLM");
        }
    }

    private static String snippet(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
