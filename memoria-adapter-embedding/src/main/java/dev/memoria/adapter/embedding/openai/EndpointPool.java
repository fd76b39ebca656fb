package dev.memoria.adapter.embedding.openai;

import dev.memoria.adapter.embedding.EmbeddingEndpoint;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Round-robin over endpoints with a cool-down: each request starts one endpoint further than the
 * previous one; an endpoint that failed is skipped until its cool-down has passed, then gets traffic
 * again (if it fails again, it cools down again). Thread-safe.
 */
final class EndpointPool {

    private final List<Slot> slots;
    private final Duration cooldown;
    private final InstantSource clock;
    private int next;

    private static final class Slot {
        final EmbeddingEndpoint endpoint;
        Instant coolingUntil = Instant.MIN;
        String lastError;

        Slot(EmbeddingEndpoint endpoint) {
            this.endpoint = endpoint;
        }
    }

    EndpointPool(List<EmbeddingEndpoint> endpoints, Duration cooldown, InstantSource clock) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no endpoints");
        }
        this.slots = endpoints.stream().map(Slot::new).toList();
        this.cooldown = cooldown;
        this.clock = clock;
    }

    int size() {
        return slots.size();
    }

    /**
     * The endpoints this request may try, in order: healthy ones only, starting at the rotation
     * cursor, which advances by one per request. Empty when every endpoint is cooling down.
     */
    synchronized List<EmbeddingEndpoint> rotation() {
        Instant now = clock.instant();
        int start = next;
        next = (next + 1) % slots.size();
        List<EmbeddingEndpoint> order = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get((start + i) % slots.size());
            if (!now.isBefore(slot.coolingUntil)) {
                order.add(slot.endpoint);
            }
        }
        return order;
    }

    /**
     * Takes the endpoint out of rotation for the cool-down, or for the server's {@code Retry-After}
     * when that is longer.
     *
     * @return how long it will be skipped
     */
    synchronized Duration failed(EndpointFailure failure) {
        Duration pause = failure.retryAfter().filter(d -> d.compareTo(cooldown) > 0).orElse(cooldown);
        for (Slot slot : slots(failure.endpoint())) {
            slot.coolingUntil = clock.instant().plus(pause);
            slot.lastError = failure.reason();
        }
        return pause;
    }

    synchronized void succeeded(EmbeddingEndpoint endpoint) {
        for (Slot slot : slots(endpoint)) {
            slot.coolingUntil = Instant.MIN;
            slot.lastError = null;
        }
    }

    /** Each endpoint with its last error and remaining cool-down, for error messages. */
    synchronized String describe() {
        Instant now = clock.instant();
        StringJoiner all = new StringJoiner("; ");
        for (Slot slot : slots) {
            StringBuilder line = new StringBuilder(slot.endpoint.url());
            if (now.isBefore(slot.coolingUntil)) {
                long seconds = Math.max(1, Duration.between(now, slot.coolingUntil).toSeconds());
                line.append(" (skipped for another ").append(seconds).append(" s)");
            }
            line.append(": ").append(slot.lastError == null ? "ok" : slot.lastError);
            all.add(line);
        }
        return all.toString();
    }

    /** Usually one; an endpoint listed twice shares its health. */
    private List<Slot> slots(EmbeddingEndpoint endpoint) {
        return slots.stream().filter(slot -> slot.endpoint.equals(endpoint)).toList();
    }
}
