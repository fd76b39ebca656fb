package dev.memoria.ports.in;

/** A rollback: the snapshot restored, the safety snapshot that undoes it, and the revision it wrote. */
public record RollbackResult(String snapshot, String branch, String safetySnapshot, long revision) {
}
