package dev.memoria.adapter.embedding.openai;

import dev.memoria.adapter.embedding.EmbeddingEndpoint;
import dev.memoria.adapter.embedding.openai.EndpointFailure.Kind;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/** One HTTP exchange with one endpoint, with every failure classified into an {@link EndpointFailure}. */
final class EmbeddingsClient {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final InstantSource clock;

    EmbeddingsClient(OkHttpClient http, InstantSource clock) {
        this.http = http;
        this.clock = clock;
    }

    static OkHttpClient httpClient(Duration connectTimeout, Duration timeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                // Bounds the whole exchange, including a server that trickles bytes forever.
                .callTimeout(timeout)
                .build();
    }

    /** @return one raw (not yet normalised) vector per input, in input order */
    float[][] embed(EmbeddingEndpoint endpoint, String model, List<String> input, int dimensions)
            throws EndpointFailure {
        Request.Builder request = new Request.Builder()
                .url(endpoint.url() + "/embeddings")
                .post(RequestBody.create(EmbeddingsProtocol.request(model, input, dimensions), JSON));
        if (!endpoint.apiKey().isEmpty()) {
            request.header("Authorization", "Bearer " + endpoint.apiKey());
        }
        byte[] body;
        int status;
        String retryAfterHeader;
        try (Response response = http.newCall(request.build()).execute()) {
            status = response.code();
            retryAfterHeader = response.header("Retry-After");
            body = response.body().bytes();
        } catch (InterruptedIOException e) {
            throw new EndpointFailure(Kind.TRANSIENT, endpoint, "timed out (" + e.getMessage() + ")", null, e);
        } catch (IOException e) {
            throw new EndpointFailure(Kind.TRANSIENT, endpoint,
                    "I/O error: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null, e);
        } catch (IllegalArgumentException e) {
            throw new EndpointFailure(Kind.ENDPOINT, endpoint, "invalid URL: " + e.getMessage(), null, e);
        }
        if (status >= 200 && status < 300) {
            try {
                return EmbeddingsProtocol.parse(body, input.size());
            } catch (EmbeddingsProtocol.MalformedResponse e) {
                throw new EndpointFailure(Kind.ENDPOINT, endpoint, "malformed response: " + e.getMessage(), null, e);
            }
        }
        String reason = "HTTP " + status + ": " + Snippet.of(body);
        Duration retryAfter = RetryAfter.parse(retryAfterHeader, clock.instant());
        if (status == 429 || status >= 500) {
            throw new EndpointFailure(Kind.TRANSIENT, endpoint, reason, retryAfter, null);
        }
        // A key, a URL or a model name that this endpoint does not know: another endpoint may be fine.
        if (status == 401 || status == 403 || status == 404) {
            throw new EndpointFailure(Kind.ENDPOINT, endpoint, reason, retryAfter, null);
        }
        throw new EndpointFailure(Kind.REQUEST, endpoint, reason, retryAfter, null);
    }

    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
