package dev.memoria.ports.out;

import java.util.Objects;

/** The storage out-ports one backend provides together. */
public record StoragePorts(
        MemoryStore memoryStore,
        MemorySearch memorySearch,
        VersionStore versionStore,
        FeedbackStore feedbackStore,
        RetrievalParamsStore retrievalParamsStore,
        StorageHealth health,
        ApiKeyStore apiKeyStore,
        UserDataStore userDataStore,
        AccessLog accessLog) {

    public StoragePorts {
        Objects.requireNonNull(memoryStore, "memoryStore");
        Objects.requireNonNull(memorySearch, "memorySearch");
        Objects.requireNonNull(versionStore, "versionStore");
        Objects.requireNonNull(feedbackStore, "feedbackStore");
        Objects.requireNonNull(retrievalParamsStore, "retrievalParamsStore");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(apiKeyStore, "apiKeyStore");
        Objects.requireNonNull(userDataStore, "userDataStore");
        Objects.requireNonNull(accessLog, "accessLog");
    }
}
