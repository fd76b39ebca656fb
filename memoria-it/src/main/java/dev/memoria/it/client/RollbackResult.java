package dev.memoria.it.client;

/**
 * A finished rollback.
 *
 * @param branch         the branch that was rolled back
 * @param revision       the new revision the rollback wrote
 * @param safetySnapshot the snapshot taken just before; roll back to it to undo the rollback
 */
public record RollbackResult(String branch, long revision, String safetySnapshot) {
}
