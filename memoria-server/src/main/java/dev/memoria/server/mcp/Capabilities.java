package dev.memoria.server.mcp;

/** The fixed text of {@code memory_capabilities}: what the service does and how to pick a trust tier. */
final class Capabilities {

    static final String TEXT = """
            Memoria — persistent memory with Git-like versioning.

            Remember and recall:
              memory_store      save one fact, preference, decision or procedure
              memory_observe    hand over conversation turns; worthwhile ones are kept
              memory_retrieve   recall what is relevant to the task at hand (top 5)
              memory_search     broader search (top 10)
              memory_list       newest memories, with filters
              memory_profile    the user's stable preferences
            Keep it right:
              memory_correct    replace a wrong or outdated memory (history is kept)
              memory_purge      forget by id, topic or session (undo with memory_rollback)
              memory_feedback   say whether a recalled memory was useful, irrelevant, outdated or wrong
            Versioning:
              memory_snapshot / memory_snapshots / memory_snapshot_delete / memory_rollback
              memory_branch / memory_branches / memory_checkout / memory_diff / memory_merge / memory_apply /
              memory_branch_delete

            Trust tiers (trust_tier on memory_store):
              T1  stated or confirmed by the user (default)
              T2  corrected or verified facts
              T3  inferred from conversation
              T4  speculative; decays fastest""";

    private Capabilities() {
    }
}
