package dev.memoria.adapter.embedding.llm;

import java.time.Duration;

/**
 * An OpenAI-compatible chat endpoint.
 *
 * @param retries extra attempts after a 429, a 5xx or an I/O failure (Retry-After is honoured up to 30 s)
 */
public record LlmSettings(String apiKey, String baseUrl, String model, Duration timeout, int retries) {

    public static LlmSettings of(String apiKey, String baseUrl, String model) {
        return new LlmSettings(apiKey, baseUrl, model, Duration.ofSeconds(60), 2);
    }

    public LlmSettings {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.openai.com/v1" : baseUrl.trim();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    public LlmSettings withTimeout(Duration value, int retryCount) {
        return new LlmSettings(apiKey, baseUrl, model, value, retryCount);
    }

    @Override
    public String toString() {
        return "LlmSettings[baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + ", retries=" + retries + "]";
    }
}
