package dev.memoria.ports.out;

import dev.memoria.ports.model.GovernanceRun;

import java.util.List;
import java.util.Optional;

/** The audit log of governance runs, shared by every instance (the scheduler reads it to know what is due). */
public interface GovernanceLog {

    void record(GovernanceRun run);

    /** The newest runs, newest first. */
    List<GovernanceRun> recent(int limit);

    /** The newest run of a task (user-independent scheduled runs have a null user). */
    Optional<GovernanceRun> lastScheduledRun(String task);
}
