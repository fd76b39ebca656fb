package dev.memoria.ports.in;

/** Use case: soft-delete memories, after a safety snapshot that can undo it. */
public interface ForgetMemories {

    /** Ends one memory; NotFound when it is not active for the caller. Returns the safety snapshot name. */
    String delete(Caller caller, String memoryId);

    PurgeResult purge(PurgeCommand command);
}
