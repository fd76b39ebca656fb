package dev.memoria.server.auth;

import java.util.Optional;

/** Resolves a presented API key to who it acts as; empty for unknown, revoked or expired keys. */
@FunctionalInterface
public interface ApiKeyVerifier {

    Optional<Principal> verify(String presentedKey);
}
