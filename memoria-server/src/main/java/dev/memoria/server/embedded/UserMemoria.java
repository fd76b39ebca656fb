package dev.memoria.server.embedded;

import dev.memoria.core.Memoria;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.RetrieveQuery;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.in.ScoredMemory;

import java.util.List;

/**
 * One user's view of an embedded Memoria: the everyday calls without building commands. Everything else is on
 * {@link EmbeddedMemoria#memoria()}.
 */
public final class UserMemoria {

    private final Memoria memoria;
    private final Caller caller;

    UserMemoria(Memoria memoria, String userId) {
        this.memoria = memoria;
        this.caller = Caller.of(userId);
    }

    /** Stores a fact with the default type and trust tier; returns the stored memory (or the existing duplicate). */
    public Memory store(String content) {
        return memoria.store(StoreCommand.of(caller, content));
    }

    /** The {@code topK} memories most relevant to {@code query}, best first. */
    public List<ScoredMemory> retrieve(String query, int topK) {
        return memoria.retrieve(RetrieveQuery.simple(caller, query, topK)).memories();
    }

    /** Takes a named snapshot of the user's main branch. */
    public void snapshot(String name) {
        memoria.createSnapshot(caller, name, null);
    }

    /** Rolls the user's main branch back to a snapshot; returns the safety snapshot that undoes it. */
    public String rollback(String snapshotName) {
        return memoria.rollback(caller.userId(), snapshotName).safetySnapshot();
    }
}
