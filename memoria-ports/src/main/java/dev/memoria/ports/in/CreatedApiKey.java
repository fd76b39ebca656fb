package dev.memoria.ports.in;

import dev.memoria.ports.model.ApiKey;

/** A new key: the stored record and the raw key, which is shown exactly once. */
public record CreatedApiKey(ApiKey key, String rawKey) {

    @Override
    public String toString() {
        return "CreatedApiKey[" + key.keyId() + ", " + key.keyPrefix() + "…]";
    }
}
