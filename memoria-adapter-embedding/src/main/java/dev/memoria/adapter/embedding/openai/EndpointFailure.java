package dev.memoria.adapter.embedding.openai;

import dev.memoria.adapter.embedding.EmbeddingEndpoint;

import java.time.Duration;
import java.util.Optional;

/** Why one call to one endpoint failed, classified by what the caller should do next. */
final class EndpointFailure extends Exception {

    enum Kind {
        /** Network error, timeout, 5xx or 429: worth retrying later or elsewhere. */
        TRANSIENT,
        /**
         * This endpoint is wrong (bad key, bad URL, unparsable reply, wrong dimension): another endpoint
         * may work, retrying this one will not.
         */
        ENDPOINT,
        /** The request itself was refused (400, 413, 422 …): every endpoint would refuse it. */
        REQUEST
    }

    private final Kind kind;
    private final EmbeddingEndpoint endpoint;
    private final String reason;
    private final Duration retryAfter;

    EndpointFailure(Kind kind, EmbeddingEndpoint endpoint, String reason, Duration retryAfter, Throwable cause) {
        super(endpoint + "/embeddings: " + reason, cause, false, false);
        this.kind = kind;
        this.endpoint = endpoint;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    static EndpointFailure of(Kind kind, EmbeddingEndpoint endpoint, String reason) {
        return new EndpointFailure(kind, endpoint, reason, null, null);
    }

    Kind kind() {
        return kind;
    }

    EmbeddingEndpoint endpoint() {
        return endpoint;
    }

    /** The short reason without the endpoint, e.g. {@code HTTP 503: overloaded}. */
    String reason() {
        return reason;
    }

    /** The server's {@code Retry-After}, if it sent one. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
