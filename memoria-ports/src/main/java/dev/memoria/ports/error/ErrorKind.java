package dev.memoria.ports.error;

/** What class of failure happened; transports translate these (HTTP status, MCP tool error). */
public enum ErrorKind {
    /** The request is malformed (unparsable JSON, wrong query-string type). */
    MALFORMED,
    /** Well-formed but invalid values. */
    INVALID,
    /** No credentials or wrong credentials. */
    UNAUTHENTICATED,
    /** Authenticated but not allowed, or content refused by policy. */
    FORBIDDEN,
    /** The thing does not exist (or belongs to someone else: the two look identical). */
    NOT_FOUND,
    /** Duplicate name, quota reached, concurrent change. */
    CONFLICT,
    /** Request body too large. */
    TOO_LARGE,
    /** Wrong content type. */
    UNSUPPORTED_MEDIA_TYPE,
    /** Too many requests; see {@link RateLimitedException#retryAfterSeconds()}. */
    RATE_LIMITED,
    /** A dependency (database, embedder, LLM) is unreachable or not configured. */
    UNAVAILABLE,
    /** The deployment is misconfigured; raised at start-up. */
    CONFIGURATION,
    /** A bug or an unexpected failure. */
    INTERNAL
}
