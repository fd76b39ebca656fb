package dev.memoria.ports.model;

import java.time.Instant;

/**
 * A key trusted to sign plugin packages, registered by the operator.
 *
 * @param publicKey base64 of the Ed25519 public key (X.509 SubjectPublicKeyInfo or the raw 32 bytes)
 * @param active    false once revoked: packages signed by it are refused at publish and resolution
 */
public record PluginSigner(String name, String algorithm, String publicKey, boolean active, Instant createdAt,
                           Instant updatedAt, String updatedBy) {
}
