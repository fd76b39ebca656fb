package dev.memoria.server.mcp;

import dev.memoria.ports.in.LlmMode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tool an agent can call, in {@code tools/list} order: names, arguments and defaults follow the
 * reference clients, descriptions say when to call each one. Behaviour lives elsewhere (embedded or remote),
 * so both stdio modes and the HTTP endpoint expose exactly this catalogue.
 */
final class ToolCatalog {

    static final List<String> MEMORY_TYPES = List.of("semantic", "profile", "procedural", "working", "episodic",
            "tool_result");
    static final List<String> TRUST_TIERS = List.of("T1", "T2", "T3", "T4");

    private static final Map<String, ToolSpec> TOOLS = new LinkedHashMap<>();

    static {
        // ---- core memory tools
        add("memory_store", """
                Save one durable fact, preference, decision or procedure for later conversations. Use when the user \
                states something worth remembering ("I prefer…", "our DB is…"); store one self-contained statement \
                per call. Near-duplicates of an existing memory replace it instead of piling up.""",
                Schema.object()
                        .requiredString("content", "The memory, as a self-contained statement")
                        .enumeration("memory_type", "Kind of memory", MEMORY_TYPES, "semantic")
                        .string("session_id", "Conversation/session this belongs to (optional)")
                        .freeObject("extra_metadata", "Extra JSON fields kept with the memory (optional)")
                        .string("subject_id", "Who or what the memory is about, if not the user (optional)")
                        .string("branch", "Write to this branch instead of the checked-out one (optional)")
                        .enumeration("trust_tier", "How verified it is: T1 user-stated … T4 speculative",
                                TRUST_TIERS, "T1"));
        add("memory_retrieve", """
                Recall memories relevant to the current task, ranked by meaning and keywords. Call at the start of a \
                task or whenever past context (preferences, project facts, earlier decisions) could help.""",
                retrievalSchema(5));
        add("memory_search", """
                Search memories broadly (more results than memory_retrieve, default 10). Use when exploring what is \
                known about a topic rather than fetching context for the next step.""",
                retrievalSchema(10));
        add("memory_correct", """
                Fix a memory that is wrong or outdated: the old version is kept in history and a corrected one \
                replaces it. Identify it by memory_id, or by a query whose best match is corrected.""",
                Schema.object()
                        .requiredString("new_content", "The corrected statement")
                        .string("memory_id", "Id of the memory to correct (or use query)")
                        .string("query", "Find the memory to correct by meaning (used when memory_id is absent)")
                        .string("session_id", "Restrict the query to this session (optional)")
                        .enumeration("session_scope", "With session_id: prefer or only", List.of("prefer", "only"),
                                null)
                        .string("subject_id", "Restrict the query to this subject (optional)")
                        .stringArray("memory_types", "Restrict the query to these types (optional)", MEMORY_TYPES)
                        .string("branch", "Branch to correct on (optional)")
                        .string("reason", "Why it is corrected (informational)"));
        add("memory_purge", """
                Forget memories: by id(s), by topic (every memory containing the words), or a whole session. Use when \
                the user asks to forget something. A safety snapshot is taken first, so memory_rollback can undo it. \
                Give exactly one of memory_id, topic or session_id.""",
                Schema.object()
                        .property("memory_id", union("One memory id, several comma-separated, or an array of ids"))
                        .string("topic", "Forget every memory whose content contains this text (≥ 3 characters)")
                        .string("session_id", "Forget the memories of this session")
                        .stringArray("memory_types", "With session_id only: just these types", MEMORY_TYPES)
                        .string("branch", "Branch to purge on (optional)")
                        .string("reason", "Why (informational)"));
        add("memory_profile", """
                Get the user's profile: the stable preferences and facts stored as profile memories. Use to \
                personalise answers without a specific query.""",
                Schema.object()
                        .string("subject_id", "Profile of this subject instead of the user (optional)")
                        .string("branch", "Read this branch (optional)"));
        add("memory_capabilities", """
                Explain what this memory service can do and how to use trust tiers. Call once if unsure which memory \
                tool fits.""",
                Schema.object());
        add("memory_list", """
                List the most recent memories (newest first), optionally filtered. Use to browse or audit what is \
                stored; use memory_retrieve to find memories by meaning.""",
                Schema.object()
                        .integer("limit", "How many (1-500)", 20, 1, 500)
                        .enumeration("memory_type", "Only this type", MEMORY_TYPES, null)
                        .string("session_id", "Only this session")
                        .string("subject_id", "Only this subject")
                        .enumeration("trust_tier", "Only this tier", TRUST_TIERS, null)
                        .string("branch", "Read this branch (optional)"));
        add("memory_governance", """
                Clean up this user's memory: quarantine memories whose confidence has decayed too far and remove stale \
                superseded versions. Call occasionally (e.g. when retrieval keeps surfacing outdated or low-quality \
                memories), not on every turn: it has a one-hour cooldown that force=true overrides.""",
                Schema.object().bool("force", "Run even while the cooldown is active", false));
        add("memory_consolidate", """
                Consolidate memory: detect contradicting memories and fix up the knowledge graph (orphaned scenes, \
                trust promotions and demotions). Call after many related facts were stored or corrected, or when \
                answers disagree with each other. 30-minute cooldown; force=true overrides.""",
                Schema.object().bool("force", "Run even while the cooldown is active", false));
        add("memory_reflect", """
                Find clusters of related memories that may hold a higher-level insight. Without a server-side model \
                (or with mode=candidates) it returns the clusters for you to synthesise and save with memory_store; \
                with one (mode=auto/internal) the insights are stored as speculative T4 memories (2-hour cooldown, \
                force=true overrides). Call at the end of long sessions, not routinely.""",
                Schema.object()
                        .bool("force", "Run even while the cooldown is active", false)
                        .enumeration("mode", "auto: use the model if configured; candidates: always return the "
                                + "clusters; internal: require the model", LlmMode.names(), "auto"));
        add("memory_feedback", """
                Tell the memory service whether a retrieved memory helped: useful, irrelevant, outdated or wrong. \
                Feedback re-weights future retrieval for this user.""",
                Schema.object()
                        .requiredString("memory_id", "The memory the feedback is about")
                        .enumeration("signal", "The verdict", List.of("useful", "irrelevant", "outdated", "wrong"),
                                null)
                        .require("signal")
                        .string("context", "Short note on why (optional)"));
        add("memory_observe", """
                Hand over conversation turns and let the service keep what is worth remembering. Use at the end of \
                an exchange instead of several memory_store calls. Each message is {role, content}.""",
                Schema.object()
                        .property("messages", messagesSchema())
                        .require("messages")
                        .string("session_id", "Session of the conversation (optional)")
                        .string("subject_id", "Subject (optional)")
                        .string("branch", "Branch to write to (optional)"));

        // ---- snapshots and branches
        add("memory_snapshot", """
                Save a named point-in-time snapshot of all memories, e.g. before a risky change. Restore it later \
                with memory_rollback.""",
                Schema.object()
                        .requiredString("name", "Snapshot name (letters, digits, _; other characters become _)")
                        .string("description", "What the snapshot is for (optional)"));
        add("memory_snapshots", "List saved snapshots, newest first.",
                Schema.object()
                        .integer("limit", "Page size", 20, 1, 500)
                        .integer("offset", "Skip this many", 0, 0, null));
        add("memory_snapshot_delete", """
                Delete snapshots by name(s), by name prefix, or older than a date. Give one selector.""",
                Schema.object()
                        .property("names", union("Snapshot names, comma-separated or an array"))
                        .string("prefix", "Delete snapshots whose name starts with this (e.g. pre_)")
                        .string("older_than", "Delete snapshots created before this date, e.g. 2026-03-01"));
        add("memory_rollback", """
                Restore memories to a snapshot (undo later changes, including purges via their safety snapshot).""",
                Schema.object().requiredString("name", "Snapshot to restore"));
        add("memory_branch", """
                Create a branch: an isolated copy of memory to experiment on without touching main. Check it out \
                with memory_checkout, merge back with memory_merge.""",
                Schema.object()
                        .requiredString("name", "Branch name")
                        .string("from_snapshot", "Start from this snapshot instead of the current main (optional)")
                        .string("from_timestamp", "Start from main as of 'YYYY-MM-DD HH:MM:SS' UTC (optional)"));
        add("memory_branches", "List branches and show which one is checked out.", Schema.object());
        add("memory_checkout", """
                Switch the active branch: later reads and writes go to it. Use 'main' to go back.""",
                Schema.object().requiredString("name", "Branch to switch to"));
        add("memory_merge", """
                Merge a branch's changes into main. Strategies: accept (default; branch wins on near-duplicates), \
                replace, append (add only new memories).""",
                Schema.object()
                        .requiredString("source", "Branch to merge into main")
                        .enumeration("strategy", "Merge strategy", List.of("accept", "replace", "append"), "accept"));
        addStrict("memory_pick", """
                Take only some of a branch's changes into main (or another branch): named memory ids, what changed \
                between two snapshots of the branch, or the changes most relevant to a query. Use instead of \
                memory_merge when only part of an experiment should land; preview first with dry_run. Conflicts \
                (memories both sides changed) abort the pick unless strategy is skip or accept.""",
                Schema.object()
                        .requiredString("source", "Branch to take the changes from")
                        .string("target", "Branch to write them to (default main)")
                        .enumeration("strategy", "On conflicts: fail (write nothing), skip them, or accept the "
                                + "source's version", List.of("fail", "skip", "accept"), "fail")
                        .property("selector", pickSelectorSchema())
                        .require("selector")
                        .property("dry_run", pickDryRunSchema()));
        add("memory_branch_delete", "Delete a branch (main cannot be deleted).",
                Schema.object().requiredString("name", "Branch to delete"));
        addStrict("memory_diff", """
                Show what a branch changed compared with main (new, modified, removed, conflicting memories). Use \
                before memory_merge or memory_apply.""",
                Schema.object()
                        .requiredString("source", "Branch to compare with main")
                        .integer("limit", "Entries shown per category", 50, 1, 500));
        addStrict("memory_apply", """
                Apply selected changes of a branch to main, item by item (ids from memory_diff): adds, updates, \
                removes, and conflicts to resolve in the branch's favour.""",
                Schema.object()
                        .requiredString("source", "Branch to take the changes from")
                        .stringArray("adds", "Ids of memories new on the branch to add to main", null)
                        .property("updates", updatesSchema())
                        .stringArray("removes", "Ids of memories removed on the branch to remove from main", null)
                        .stringArray("accept_branch_conflicts", "Ids of conflicts to resolve with the branch version",
                                null));

        // ---- hidden operational tools
        addHidden("memory_get_retrieval_params",
                "Show this user's retrieval weights (feedback_weight, temporal_decay_hours, confidence_weight).",
                Schema.object());
        addHidden("memory_extract_entities",
                "Find the memories not yet linked to entities: with an LLM configured they are extracted and linked; "
                        + "without one (or in candidates mode) they are listed with the known entities, for you to "
                        + "extract and pass to memory_link_entities.",
                Schema.object().enumeration("mode", "auto: use the model if configured; candidates: always list; "
                        + "internal: require the model", LlmMode.names(), "auto"));
        addHidden("memory_link_entities",
                "Link entities you extracted to memories. entities is a JSON string of "
                        + "[{\"memory_id\": \"...\", \"entities\": [{\"name\": \"...\", \"type\": \"...\"}]}].",
                Schema.object().requiredString("entities", "JSON array of {memory_id, entities:[{name, type}]}"));
        addHidden("memory_tune_params",
                "Re-tune retrieval weights from the feedback recorded so far (needs at least 10 feedback signals).",
                Schema.object());
    }

    private ToolCatalog() {
    }

    static List<ToolSpec> all() {
        return List.copyOf(TOOLS.values());
    }

    static ToolSpec get(String name) {
        return TOOLS.get(name);
    }

    private static Schema retrievalSchema(int defaultTopK) {
        Map<String, Object> explain = new LinkedHashMap<>();
        explain.put("type", List.of("boolean", "string"));
        explain.put("description", "Add a diagnostic of how results were found: true/basic, verbose or analyze");
        explain.put("default", false);
        return Schema.object()
                .requiredString("query", "What to recall, in natural language")
                .integer("top_k", "Maximum number of memories (1-100)", defaultTopK, 1, 100)
                .string("session_id", "Current session (optional)")
                .enumeration("session_scope", "With session_id: prefer (rank it first) or only (that session and "
                        + "unscoped memories)", List.of("prefer", "only"), null)
                .string("subject_id", "Only memories about this subject (optional)")
                .stringArray("memory_types", "Only these types (optional)", MEMORY_TYPES)
                .string("branch", "Read this branch (optional)")
                .property("explain", explain);
    }

    private static Map<String, Object> union(String description) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("anyOf", List.of(Map.of("type", "string"), Map.of("type", "array", "items", Map.of("type", "string"))));
        p.put("description", description);
        return p;
    }

    private static Map<String, Object> messagesSchema() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "object");
        message.put("properties", Map.of("role", Map.of("type", "string", "description", "user or assistant"),
                "content", Map.of("type", "string")));
        message.put("required", List.of("role", "content"));
        Map<String, Object> p = Schema.prop("array", "Conversation turns, oldest first");
        p.put("items", message);
        return p;
    }

    private static Map<String, Object> updatesSchema() {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("type", "object");
        update.put("properties", Map.of("old_id", Map.of("type", "string"), "new_id", Map.of("type", "string")));
        update.put("required", List.of("old_id", "new_id"));
        Map<String, Object> p = Schema.prop("array", "Modified memories to take over: {old_id, new_id}");
        p.put("items", update);
        return p;
    }

    private static Map<String, Object> pickSelectorSchema() {
        Map<String, Object> p = Schema.prop("object", """
                Which changes: {"type":"key_list","keys":[memory ids]} (1-1000), \
                {"type":"snapshot_range","from_snapshot":a,"to_snapshot":b} (snapshots of the source branch), or \
                {"type":"retrieve","query":text,"top_k":5,"min_score":0.0}""");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", Map.of("type", "string", "enum", List.of("key_list", "snapshot_range", "retrieve")));
        properties.put("keys", Map.of("type", "array", "items", Map.of("type", "string")));
        properties.put("from_snapshot", Map.of("type", "string"));
        properties.put("to_snapshot", Map.of("type", "string"));
        properties.put("query", Map.of("type", "string"));
        properties.put("top_k", Map.of("type", "integer", "minimum", 1, "maximum", 100, "default", 5));
        properties.put("min_score", Map.of("type", "number", "minimum", 0));
        p.put("properties", properties);
        p.put("required", List.of("type"));
        return p;
    }

    private static Map<String, Object> pickDryRunSchema() {
        Map<String, Object> p = Schema.prop("object",
                "Preview instead of writing: which candidates would apply, skip or conflict (a page of them)");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("limit", Map.of("type", "integer", "minimum", 1, "maximum", 100, "default", 10));
        properties.put("offset", Map.of("type", "integer", "minimum", 0, "default", 0));
        properties.put("include_content_preview", Map.of("type", "boolean", "default", true));
        properties.put("include_scores", Map.of("type", "boolean", "default", true));
        p.put("properties", properties);
        return p;
    }

    private static void add(String name, String description, Schema schema) {
        TOOLS.put(name, new ToolSpec(name, description, schema.build(), false, false));
    }

    private static void addStrict(String name, String description, Schema schema) {
        TOOLS.put(name, new ToolSpec(name, description, schema.build(), false, true));
    }

    private static void addHidden(String name, String description, Schema schema) {
        TOOLS.put(name, new ToolSpec(name, description, schema.build(), true, false));
    }
}
