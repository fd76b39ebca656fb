package dev.memoria.ports.model;

import java.time.Instant;

/**
 * One published plugin version as the registry stores it.
 *
 * @param document canonical JSON of the signed contents ({@code {"manifest":…,"policy":…}})
 * @param digest   lowercase hex SHA-256 of {@code document}, which the signature covers
 * @param status   {@code pending} after publish, then {@code approved}, {@code rejected} or {@code disabled} by review
 */
public record PluginRecord(String pluginKey, String version, String domain, String runtime, String signer,
                           String digest, String signature, String document, String status, String reviewNotes,
                           Double score, String scoreNotes, Instant publishedAt, String publishedBy,
                           Instant updatedAt) {

    public PluginRecord withReview(String newStatus, String notes, Instant at) {
        return new PluginRecord(pluginKey, version, domain, runtime, signer, digest, signature, document, newStatus,
                notes, score, scoreNotes, publishedAt, publishedBy, at);
    }

    public PluginRecord withScore(double newScore, String notes, Instant at) {
        return new PluginRecord(pluginKey, version, domain, runtime, signer, digest, signature, document, status,
                reviewNotes, newScore, notes, publishedAt, publishedBy, at);
    }
}
