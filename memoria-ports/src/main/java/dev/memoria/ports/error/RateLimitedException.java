package dev.memoria.ports.error;

/** Too many requests; the caller may retry after {@link #retryAfterSeconds()}. */
public class RateLimitedException extends MemoriaException {

    private final long retryAfterSeconds;

    public RateLimitedException(String message, long retryAfterSeconds) {
        super(ErrorKind.RATE_LIMITED, "rate_limited", message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
