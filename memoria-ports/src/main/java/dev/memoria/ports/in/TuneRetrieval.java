package dev.memoria.ports.in;

import dev.memoria.ports.model.RetrievalParams;

/** Use case: read and adjust a user's retrieval parameters. */
public interface TuneRetrieval {

    RetrievalParams params(String userId);

    RetrievalParams update(String userId, RetrievalParamsUpdate update);

    TuneResult tune(String userId);
}
