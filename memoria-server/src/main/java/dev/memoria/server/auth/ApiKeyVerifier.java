package dev.memoria.server.auth;

import java.util.Optional;

/** Resolves a presented API key to its owner; empty for unknown, revoked or expired keys. */
@FunctionalInterface
public interface ApiKeyVerifier {

    Optional<String> ownerOf(String presentedKey);

    /** Accepts no API key at all (until API keys are configured). */
    ApiKeyVerifier NONE = key -> Optional.empty();
}
