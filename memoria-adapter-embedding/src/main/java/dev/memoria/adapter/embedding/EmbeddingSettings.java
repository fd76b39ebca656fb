package dev.memoria.adapter.embedding;

import dev.memoria.ports.error.ConfigurationException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Immutable embedding configuration. The server maps environment variables onto
 * {@link #of(String, String, String, String, String, Integer)} one to one; the remaining knobs have
 * defaults that suit a small deployment and can be changed with the {@code with...} methods.
 *
 * @param provider       {@code local} (in-process ONNX model) or {@code openai} (any OpenAI-compatible
 *                       {@code /embeddings} endpoint)
 * @param model          local model name, or the model sent to the remote endpoint
 * @param apiKey         bearer key for {@code baseUrl}; empty = no Authorization header
 * @param baseUrl        e.g. {@code https://api.openai.com/v1}; the client appends {@code /embeddings}
 * @param endpoints      when non-empty, supersedes {@code baseUrl}/{@code apiKey}; more than one is
 *                       used round-robin
 * @param dimension      remote vector length; 0 = learn it from the first response. Ignored by the
 *                       local provider (the model fixes it), except that a non-zero value must match.
 * @param batchSize      texts per remote request
 * @param connectTimeout TCP/TLS connect timeout for remote endpoints
 * @param timeout        whole-call timeout of one remote request (connect, write, wait, read)
 * @param maxAttempts    tries of one request against a single endpoint (1 = no retry)
 * @param cooldown       how long a failing or rate-limited endpoint is skipped when others exist; a
 *                       longer {@code Retry-After} wins
 * @param localThreads   ONNX Runtime intra-op threads; 0 = one per available processor
 * @param sendDimensions send {@code "dimensions": dimension} in remote requests. Off by default: only
 *                       models with adjustable output (OpenAI text-embedding-3-*) accept it, and many
 *                       compatible servers reject unknown fields.
 */
public record EmbeddingSettings(
        String provider,
        String model,
        String apiKey,
        String baseUrl,
        List<EmbeddingEndpoint> endpoints,
        int dimension,
        int batchSize,
        Duration connectTimeout,
        Duration timeout,
        int maxAttempts,
        Duration cooldown,
        int localThreads,
        boolean sendDimensions) {

    public static final String LOCAL = "local";
    public static final String OPENAI = "openai";
    public static final String DEFAULT_MODEL = "e5-small-v2";
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final int DEFAULT_BATCH_SIZE = 64;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(30);

    public EmbeddingSettings {
        provider = blankTo(provider, LOCAL).toLowerCase(Locale.ROOT);
        if (!provider.equals(LOCAL) && !provider.equals(OPENAI)) {
            throw new ConfigurationException("embedding_config",
                    "unknown embedding provider '" + provider + "'; valid: " + LOCAL + ", " + OPENAI);
        }
        model = blankTo(model, DEFAULT_MODEL);
        apiKey = apiKey == null ? "" : apiKey.strip();
        baseUrl = blankTo(baseUrl, DEFAULT_BASE_URL);
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(cooldown, "cooldown");
        requireThat(dimension >= 0, "embedding dimension must be >= 0 (0 = auto-detect), got " + dimension);
        requireThat(batchSize >= 1, "embedding batch size must be >= 1, got " + batchSize);
        requireThat(maxAttempts >= 1, "embedding max attempts must be >= 1, got " + maxAttempts);
        requireThat(localThreads >= 0, "local embedding threads must be >= 0, got " + localThreads);
        requireThat(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connect timeout must be > 0");
        requireThat(!timeout.isNegative() && !timeout.isZero(), "embedding timeout must be > 0");
        requireThat(!cooldown.isNegative(), "embedding cool-down must be >= 0");
        requireThat(!sendDimensions || dimension > 0, "sending dimensions needs a configured dimension > 0");
    }

    /**
     * Settings from the six environment variables; {@code null} or blank means "use the default".
     *
     * @param endpointsJson the raw {@code MEMORIA_EMBEDDING_ENDPOINTS} value, parsed by
     *                      {@link EmbeddingEndpoints#parse(String)}
     * @param dimension     {@code MEMORIA_EMBEDDING_DIM}; null = 0 = auto
     */
    public static EmbeddingSettings of(String provider, String model, String apiKey, String baseUrl,
                                       String endpointsJson, Integer dimension) {
        return new EmbeddingSettings(provider, model, apiKey, baseUrl, EmbeddingEndpoints.parse(endpointsJson),
                dimension == null ? 0 : dimension, DEFAULT_BATCH_SIZE, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_COOLDOWN, 0, false);
    }

    /** The default: the local e5-small-v2 model (docs/QUALITY.md has the measurements that chose it). */
    public static EmbeddingSettings defaults() {
        return of(null, null, null, null, null, null);
    }

    /** The endpoints to call: {@link #endpoints()} if any, else the single base URL with its key. */
    public List<EmbeddingEndpoint> effectiveEndpoints() {
        return endpoints.isEmpty() ? List.of(new EmbeddingEndpoint(baseUrl, apiKey)) : endpoints;
    }

    public EmbeddingSettings withBatchSize(int value) {
        return new EmbeddingSettings(provider, model, apiKey, baseUrl, endpoints, dimension, value,
                connectTimeout, timeout, maxAttempts, cooldown, localThreads, sendDimensions);
    }

    public EmbeddingSettings withTimeouts(Duration connect, Duration call) {
        return new EmbeddingSettings(provider, model, apiKey, baseUrl, endpoints, dimension, batchSize,
                connect, call, maxAttempts, cooldown, localThreads, sendDimensions);
    }

    public EmbeddingSettings withMaxAttempts(int value) {
        return new EmbeddingSettings(provider, model, apiKey, baseUrl, endpoints, dimension, batchSize,
                connectTimeout, timeout, value, cooldown, localThreads, sendDimensions);
    }

    public EmbeddingSettings withCooldown(Duration value) {
        return new EmbeddingSettings(provider, model, apiKey, baseUrl, endpoints, dimension, batchSize,
                connectTimeout, timeout, maxAttempts, value, localThreads, sendDimensions);
    }

    public EmbeddingSettings withLocalThreads(int value) {
        return new EmbeddingSettings(provider, model, apiKey, baseUrl, endpoints, dimension, batchSize,
                connectTimeout, timeout, maxAttempts, cooldown, value, sendDimensions);
    }

    public EmbeddingSettings withSendDimensions(boolean value) {
        return new EmbeddingSettings(provider, model, apiKey, baseUrl, endpoints, dimension, batchSize,
                connectTimeout, timeout, maxAttempts, cooldown, localThreads, value);
    }

    /** Never prints keys. */
    @Override
    public String toString() {
        return "EmbeddingSettings[provider=" + provider + ", model=" + model + ", endpoints="
                + effectiveEndpoints() + ", dimension=" + dimension + ", batchSize=" + batchSize
                + ", connectTimeout=" + connectTimeout + ", timeout=" + timeout + ", maxAttempts=" + maxAttempts
                + ", cooldown=" + cooldown + ", localThreads=" + localThreads + ", sendDimensions=" + sendDimensions + "]";
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static void requireThat(boolean condition, String message) {
        if (!condition) {
            throw new ConfigurationException("embedding_config", message);
        }
    }
}
