package dev.memoria.ports.out;

import dev.memoria.ports.model.RetrievalParams;

import java.util.Optional;

/** Per-user retrieval parameters. */
public interface RetrievalParamsStore {

    Optional<RetrievalParams> find(String userId);

    void save(String userId, RetrievalParams params);
}
