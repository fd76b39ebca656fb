package dev.memoria.adapter.embedding.openai;

import dev.memoria.adapter.embedding.Embedder;
import dev.memoria.adapter.embedding.EmbeddingEndpoint;
import dev.memoria.adapter.embedding.EmbeddingSettings;
import dev.memoria.adapter.embedding.UnitVectors;
import dev.memoria.adapter.embedding.openai.EndpointFailure.Kind;
import dev.memoria.ports.error.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Embeddings from OpenAI-compatible {@code /embeddings} endpoints.
 *
 * <ul>
 *   <li>Inputs are sent in batches of {@link EmbeddingSettings#batchSize()}.</li>
 *   <li>One endpoint: a transient failure (I/O, timeout, 5xx, 429) is retried with exponential
 *       backoff, waiting at least the server's {@code Retry-After}, up to
 *       {@link EmbeddingSettings#maxAttempts()} tries.</li>
 *   <li>Several endpoints: requests rotate round-robin; a failing endpoint is skipped for the
 *       cool-down (or its longer {@code Retry-After}) and the request moves on to the next healthy
 *       one at once; when none is left the request fails listing every endpoint's last error.</li>
 *   <li>A refused request (400, 413, 422, …) fails at once: every endpoint would refuse it.</li>
 *   <li>Every vector must have the configured or first-seen length and is L2-normalised.</li>
 * </ul>
 */
public final class OpenAiEmbedder implements Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(OpenAiEmbedder.class);
    private static final String CODE = "embedding_unavailable";

    private final EmbeddingSettings settings;
    private final EmbeddingsClient client;
    private final EndpointPool pool;
    private final DimensionGuard dimension;
    private final Sleeper sleeper;
    private final Backoff backoff;

    OpenAiEmbedder(EmbeddingSettings settings, InstantSource clock, Sleeper sleeper, Backoff backoff) {
        this.settings = settings;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.client = new EmbeddingsClient(EmbeddingsClient.httpClient(settings.connectTimeout(), settings.timeout()),
                clock);
        this.pool = new EndpointPool(settings.effectiveEndpoints(), settings.cooldown(), clock);
        this.dimension = new DimensionGuard(settings.dimension());
    }

    public static OpenAiEmbedder create(EmbeddingSettings settings) {
        return new OpenAiEmbedder(settings, InstantSource.system(), Sleeper.SYSTEM, Backoff.DEFAULT);
    }

    @Override
    public String model() {
        return settings.model();
    }

    /**
     * The configured dimension, or the detected one. When neither is known yet this asks an endpoint
     * once (embedding a probe text), so it can throw {@link UnavailableException}.
     */
    @Override
    public int dimension() {
        int known = dimension.current();
        if (known == 0) {
            embed("dimension probe");
            known = dimension.current();
        }
        return known;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(Objects.requireNonNull(text, "text"))).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        for (String text : texts) {
            Objects.requireNonNull(text, "texts must not contain null");
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += settings.batchSize()) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + settings.batchSize()));
            out.addAll(Arrays.asList(send(batch)));
        }
        return out;
    }

    @Override
    public void warmUp() {
        // Opens a connection (TLS handshake) and learns the dimension if it is not configured.
        int d = dimension();
        LOG.info("Embedding endpoint(s) {} ready: model {}, {}-d", settings.effectiveEndpoints(), model(), d);
    }

    @Override
    public void close() {
        client.close();
    }

    private float[][] send(List<String> batch) {
        return pool.size() == 1 ? sendWithRetries(settings.effectiveEndpoints().get(0), batch) : sendRoundRobin(batch);
    }

    private float[][] sendWithRetries(EmbeddingEndpoint endpoint, List<String> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call(endpoint, batch);
            } catch (EndpointFailure failure) {
                if (failure.kind() != Kind.TRANSIENT || attempt >= settings.maxAttempts()) {
                    throw unavailable(failure.getMessage() + (attempt > 1 ? " (after " + attempt + " attempts)" : ""),
                            failure);
                }
                Duration wait = backoff.delay(attempt);
                Duration retryAfter = failure.retryAfter().orElse(Duration.ZERO);
                if (retryAfter.compareTo(settings.timeout()) > 0) {
                    // Waiting longer than a request may take would only move the failure later.
                    throw unavailable(failure.getMessage() + " (Retry-After " + retryAfter.toSeconds() + " s)", failure);
                }
                if (retryAfter.compareTo(wait) > 0) {
                    wait = retryAfter;
                }
                LOG.debug("Retrying embedding request in {} ms after: {}", wait.toMillis(), failure.getMessage());
                pause(wait, failure);
            }
        }
    }

    private float[][] sendRoundRobin(List<String> batch) {
        List<EmbeddingEndpoint> rotation = pool.rotation();
        for (EmbeddingEndpoint endpoint : rotation) {
            try {
                float[][] vectors = call(endpoint, batch);
                pool.succeeded(endpoint);
                return vectors;
            } catch (EndpointFailure failure) {
                if (failure.kind() == Kind.REQUEST) {
                    throw unavailable(failure.getMessage(), failure);
                }
                Duration pause = pool.failed(failure);
                LOG.warn("Embedding endpoint failed, skipping it for {} s: {}", pause.toSeconds(), failure.getMessage());
            }
        }
        String what = rotation.isEmpty() ? "all " + pool.size() + " embedding endpoints are cooling down"
                : "all embedding endpoints failed";
        throw unavailable(what + ": " + pool.describe(), null);
    }

    /** One HTTP call plus the checks every response must pass; returns unit vectors. */
    private float[][] call(EmbeddingEndpoint endpoint, List<String> batch) throws EndpointFailure {
        int requested = settings.sendDimensions() ? settings.dimension() : 0;
        float[][] vectors = client.embed(endpoint, settings.model(), batch, requested);
        for (float[] v : vectors) {
            String mismatch = dimension.check(v.length);
            if (mismatch != null) {
                throw EndpointFailure.of(Kind.ENDPOINT, endpoint, mismatch);
            }
        }
        for (float[] v : vectors) {
            UnitVectors.normalizeInPlace(v);
        }
        return vectors;
    }

    private void pause(Duration wait, EndpointFailure failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(failure.getMessage() + " (interrupted while waiting to retry)", failure);
        }
    }

    private UnavailableException unavailable(String message, Throwable cause) {
        return new UnavailableException(CODE, "embedding provider openai (model " + settings.model() + "): " + message,
                cause);
    }
}
