package dev.memoria.server.auth;

import dev.memoria.ports.error.ConfigurationException;
import dev.memoria.ports.error.RateLimitedException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request budgets: each API key gets {@code max} requests per window (the master key is not limited), and
 * each client address gets a small budget of failed authentications, which makes guessing keys slow.
 * Budgets live in this process; behind a load balancer each replica enforces its own.
 */
public final class RequestLimits {

    private static final int TRACKED_ADDRESSES = 10_000;

    private final RateLimiterConfig perKey;
    private final RateLimiterConfig perAddress;
    private final Map<String, RateLimiter> keyLimiters = new ConcurrentHashMap<>();
    private final Map<String, RateLimiter> addressLimiters = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
                    return size() > TRACKED_ADDRESSES;
                }
            });

    public RequestLimits(int maxRequests, Duration window, int failedAuthPerMinute) {
        this.perKey = config(maxRequests, window);
        this.perAddress = config(failedAuthPerMinute, Duration.ofMinutes(1));
    }

    /**
     * Parses {@code "max_requests,window_seconds"} (MEMORIA_RATE_LIMIT_AUTH_KEYS).
     *
     * @param failedAuthPerMinute failed authentications one client address may make per minute
     */
    public static RequestLimits parse(String spec, int failedAuthPerMinute) {
        String[] parts = spec.split(",");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            int max = Integer.parseInt(parts[0].trim());
            int seconds = Integer.parseInt(parts[1].trim());
            if (max < 1 || max > 1_000_000 || seconds < 1 || seconds > 86_400) {
                throw new NumberFormatException();
            }
            return new RequestLimits(max, Duration.ofSeconds(seconds), failedAuthPerMinute);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("invalid_rate_limit", "MEMORIA_RATE_LIMIT_AUTH_KEYS must be "
                    + "'max_requests,window_seconds' (1..1000000, 1..86400), got '" + spec + "'");
        }
    }

    private static RateLimiterConfig config(int max, Duration window) {
        return RateLimiterConfig.custom().limitForPeriod(max).limitRefreshPeriod(window)
                .timeoutDuration(Duration.ZERO).build();
    }

    /** Spends one request of the principal's budget, or throws 429 with the time until it refills. */
    public void admit(Principal principal) {
        if (principal.master() || principal.keyId() == null) {
            return;
        }
        RateLimiter limiter = keyLimiters.computeIfAbsent(principal.keyId(), id -> RateLimiter.of(id, perKey));
        if (!limiter.acquirePermission()) {
            throw new RateLimitedException("Rate limit exceeded for this API key", retryAfter(limiter));
        }
    }

    /**
     * Refuses a client address that has used up its failed-authentication budget. Callers skip this for the
     * master key, so an operator is never locked out by a guesser sharing their address.
     */
    public void checkAddress(String address) {
        RateLimiter limiter = addressLimiters.get(address);
        if (limiter != null && limiter.getMetrics().getAvailablePermissions() <= 0) {
            throw new RateLimitedException("Too many failed authentication attempts", retryAfter(limiter));
        }
    }

    public void recordFailure(String address) {
        addressLimiters.computeIfAbsent(address, a -> RateLimiter.of("auth-" + a, perAddress)).acquirePermission();
    }

    private static long retryAfter(RateLimiter limiter) {
        long nanos = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait() : 0;
        if (nanos <= 0) {
            nanos = limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
        }
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
