package dev.memoria.adapter.sql;

import java.util.List;

import static dev.memoria.adapter.sql.TableDef.Column.optional;
import static dev.memoria.adapter.sql.TableDef.Column.required;
import static dev.memoria.adapter.sql.TableDef.Index.fullText;
import static dev.memoria.adapter.sql.TableDef.Index.on;

/**
 * The tables of the storage, dialect-neutral. Memories are revisioned row versions: a version is active at
 * revision R when {@code rev_from <= R AND (rev_to IS NULL OR rev_to > R)}.
 */
final class SchemaDefinition {

    /** Bump when the table layout changes; the start-up check refuses a database written by a newer layout. */
    static final int VERSION = 1;

    static final TableDef SCHEMA_META = new TableDef("mem_schema_meta",
            List.of(required("meta_key", ColumnType.NAME), required("meta_value", ColumnType.SMALL_TEXT)),
            List.of("meta_key"), List.of());

    static final TableDef BRANCHES = new TableDef("mem_branches",
            List.of(required("user_id", ColumnType.ID), required("branch_name", ColumnType.NAME),
                    required("head_rev", ColumnType.BIGINT), required("created_at", ColumnType.TIMESTAMP),
                    optional("source_branch", ColumnType.NAME), required("source_rev", ColumnType.BIGINT)),
            List.of("user_id", "branch_name"), List.of());

    static final TableDef REVISIONS = new TableDef("mem_revisions",
            List.of(required("user_id", ColumnType.ID), required("branch_name", ColumnType.NAME),
                    required("revision", ColumnType.BIGINT), required("committed_at", ColumnType.TIMESTAMP)),
            List.of("user_id", "branch_name", "revision"),
            List.of(on("idx_rev_time", "user_id", "branch_name", "committed_at")));

    static final TableDef MEMORIES = new TableDef("mem_memory_versions",
            List.of(required("user_id", ColumnType.ID), required("branch_name", ColumnType.NAME),
                    required("memory_id", ColumnType.ID), required("rev_from", ColumnType.BIGINT),
                    optional("rev_to", ColumnType.BIGINT),
                    required("memory_type", ColumnType.CODE), required("content", ColumnType.LONG_TEXT),
                    required("trust_tier", ColumnType.CODE), required("initial_confidence", ColumnType.DOUBLE),
                    optional("session_id", ColumnType.ID), optional("subject_id", ColumnType.SUBJECT),
                    optional("author_id", ColumnType.ID), required("extra_metadata", ColumnType.LONG_TEXT),
                    optional("observed_at", ColumnType.TIMESTAMP), required("created_at", ColumnType.TIMESTAMP),
                    optional("superseded_by", ColumnType.ID), optional("embedding", ColumnType.VECTOR)),
            List.of("user_id", "branch_name", "memory_id", "rev_from"),
            List.of(on("idx_mv_current", "user_id", "branch_name", "rev_to", "memory_id"),
                    // covers "active at revision R" (rev_from <= R AND (rev_to IS NULL OR rev_to > R)) without reading rows:
                    // snapshot counts and past-state reads stay cheap at 100k memories
                    on("idx_mv_range", "user_id", "branch_name", "rev_from", "rev_to"),
                    on("idx_mv_superseded", "user_id", "branch_name", "superseded_by"),
                    fullText("ft_mv_content", "content")));

    static final TableDef SNAPSHOTS = new TableDef("mem_snapshots",
            List.of(required("user_id", ColumnType.ID), required("snapshot_name", ColumnType.NAME),
                    required("branch_name", ColumnType.NAME), required("revision", ColumnType.BIGINT),
                    optional("description", ColumnType.LONG_TEXT), required("created_at", ColumnType.TIMESTAMP),
                    required("safety", ColumnType.BOOLEAN)),
            List.of("user_id", "snapshot_name"),
            List.of(on("idx_snap_branch", "user_id", "branch_name")));

    static final TableDef USER_STATE = new TableDef("mem_user_state",
            List.of(required("user_id", ColumnType.ID), required("branch_name", ColumnType.NAME),
                    required("updated_at", ColumnType.TIMESTAMP)),
            List.of("user_id"), List.of());

    static final TableDef FEEDBACK = new TableDef("mem_feedback",
            List.of(required("feedback_id", ColumnType.ID), required("user_id", ColumnType.ID),
                    required("memory_id", ColumnType.ID), required("feedback_signal", ColumnType.CODE),
                    optional("context", ColumnType.LONG_TEXT), required("created_at", ColumnType.TIMESTAMP)),
            List.of("feedback_id"),
            List.of(on("idx_fb_user_memory", "user_id", "memory_id"), on("idx_fb_user_time", "user_id", "created_at")));

    static final TableDef RETRIEVAL_PARAMS = new TableDef("mem_retrieval_params",
            List.of(required("user_id", ColumnType.ID), required("feedback_weight", ColumnType.DOUBLE),
                    required("temporal_decay_hours", ColumnType.DOUBLE), required("confidence_weight", ColumnType.DOUBLE),
                    required("updated_at", ColumnType.TIMESTAMP)),
            List.of("user_id"), List.of());

    static final TableDef API_KEYS = new TableDef("mem_api_keys",
            List.of(required("key_id", ColumnType.ID), required("user_id", ColumnType.ID),
                    required("key_name", ColumnType.NAME), required("key_hash", ColumnType.ID),
                    required("key_prefix", ColumnType.CODE), required("is_active", ColumnType.BOOLEAN),
                    required("created_at", ColumnType.TIMESTAMP), optional("expires_at", ColumnType.TIMESTAMP),
                    optional("last_used_at", ColumnType.TIMESTAMP)),
            List.of("key_id"),
            List.of(on("idx_key_hash", "key_hash"), on("idx_key_user", "user_id")));

    /**
     * Erased memory ids by the revision that erased them. Erasure deletes row versions physically, so the change
     * feed of the search index would never see them go; these id-only tombstones (no content) let every instance's
     * index drop them.
     */
    static final TableDef ERASURES = new TableDef("mem_erasures",
            List.of(required("user_id", ColumnType.ID), required("branch_name", ColumnType.NAME),
                    required("revision", ColumnType.BIGINT), required("memory_id", ColumnType.ID)),
            List.of("user_id", "branch_name", "revision", "memory_id"), List.of());

    /** Leases shared by instances (scheduler leadership, one lock per governance task); expiry by the DB clock. */
    static final TableDef DISTRIBUTED_LOCKS = new TableDef("mem_distributed_locks",
            List.of(required("lock_key", ColumnType.NAME), required("holder_id", ColumnType.ID),
                    required("acquired_at", ColumnType.TIMESTAMP), required("expires_at", ColumnType.TIMESTAMP)),
            List.of("lock_key"), List.of());

    /** One heartbeat row per running instance; tasks of an instance that stopped beating are orphans. */
    static final TableDef INSTANCES = new TableDef("mem_instances",
            List.of(required("instance_id", ColumnType.ID), required("started_at", ColumnType.TIMESTAMP),
                    required("last_heartbeat", ColumnType.TIMESTAMP)),
            List.of("instance_id"), List.of());

    static final TableDef ASYNC_TASKS = new TableDef("mem_async_tasks",
            List.of(required("task_id", ColumnType.ID), required("instance_id", ColumnType.ID),
                    required("user_id", ColumnType.ID), required("task_kind", ColumnType.CODE),
                    required("status", ColumnType.CODE), optional("result_json", ColumnType.LONG_TEXT),
                    optional("error_json", ColumnType.LONG_TEXT), required("created_at", ColumnType.TIMESTAMP),
                    required("updated_at", ColumnType.TIMESTAMP)),
            List.of("task_id"), List.of(on("idx_task_status", "status", "instance_id")));

    static final TableDef GOVERNANCE_COOLDOWNS = new TableDef("mem_governance_cooldown",
            List.of(required("user_id", ColumnType.ID), required("operation", ColumnType.CODE),
                    required("last_run_at", ColumnType.TIMESTAMP)),
            List.of("user_id", "operation"), List.of());

    static final TableDef GOVERNANCE_RUNS = new TableDef("mem_governance_runs",
            List.of(required("run_id", ColumnType.ID), required("task", ColumnType.NAME), optional("user_id", ColumnType.ID),
                    required("instance_id", ColumnType.ID), required("started_at", ColumnType.TIMESTAMP),
                    required("finished_at", ColumnType.TIMESTAMP), required("status", ColumnType.CODE),
                    required("counts_json", ColumnType.LONG_TEXT), required("warnings_json", ColumnType.LONG_TEXT),
                    required("snapshots_json", ColumnType.LONG_TEXT)),
            List.of("run_id"), List.of(on("idx_gov_task_time", "task", "started_at")));

    static final TableDef ENTITIES = new TableDef("mem_entities",
            List.of(required("user_id", ColumnType.ID), required("entity_name", ColumnType.SUBJECT),
                    required("display_name", ColumnType.SUBJECT), required("entity_type", ColumnType.CODE),
                    required("source", ColumnType.CODE), required("created_at", ColumnType.TIMESTAMP)),
            List.of("user_id", "entity_name"), List.of());

    static final TableDef ENTITY_LINKS = new TableDef("mem_entity_links",
            List.of(required("user_id", ColumnType.ID), required("memory_id", ColumnType.ID),
                    required("entity_name", ColumnType.SUBJECT), required("created_at", ColumnType.TIMESTAMP)),
            List.of("user_id", "memory_id", "entity_name"), List.of());

    /** Keys trusted to sign governance plugin packages; revoked keys stay, inactive, for the audit trail. */
    static final TableDef PLUGIN_SIGNERS = new TableDef("mem_plugin_signers",
            List.of(required("signer", ColumnType.NAME), required("algorithm", ColumnType.CODE),
                    required("public_key", ColumnType.SMALL_TEXT), required("is_active", ColumnType.BOOLEAN),
                    required("created_at", ColumnType.TIMESTAMP), required("updated_at", ColumnType.TIMESTAMP),
                    optional("updated_by", ColumnType.ID)),
            List.of("signer"), List.of());

    /** Published plugin versions: immutable contents (canonical JSON, digest, signature) plus review and score. */
    static final TableDef PLUGIN_PACKAGES = new TableDef("mem_plugin_packages",
            List.of(required("plugin_key", ColumnType.NAME), required("plugin_version", ColumnType.NAME),
                    required("plugin_domain", ColumnType.CODE), required("runtime", ColumnType.CODE),
                    required("signer", ColumnType.NAME), required("digest", ColumnType.SMALL_TEXT),
                    required("signature", ColumnType.SMALL_TEXT), required("document", ColumnType.LONG_TEXT),
                    required("status", ColumnType.CODE), optional("review_notes", ColumnType.LONG_TEXT),
                    optional("score", ColumnType.DOUBLE), optional("score_notes", ColumnType.LONG_TEXT),
                    required("published_at", ColumnType.TIMESTAMP), optional("published_by", ColumnType.ID),
                    required("updated_at", ColumnType.TIMESTAMP)),
            List.of("plugin_key", "plugin_version"), List.of(on("idx_plugin_domain", "plugin_domain")));

    /** Binding rules, unique by domain, binding, subject and priority. */
    static final TableDef PLUGIN_BINDING_RULES = new TableDef("mem_plugin_binding_rules",
            List.of(required("plugin_domain", ColumnType.CODE), required("binding_key", ColumnType.NAME),
                    required("subject_key", ColumnType.NAME), required("priority", ColumnType.BIGINT),
                    required("rule_id", ColumnType.ID), required("plugin_key", ColumnType.NAME),
                    required("version_selector", ColumnType.NAME), required("rollout_percent", ColumnType.BIGINT),
                    optional("transport_endpoint", ColumnType.SMALL_TEXT), required("status", ColumnType.CODE),
                    required("updated_at", ColumnType.TIMESTAMP), optional("updated_by", ColumnType.ID)),
            List.of("plugin_domain", "binding_key", "subject_key", "priority"), List.of());

    /** The plugin audit trail: every lifecycle action, refused publishes, resolution changes. */
    static final TableDef PLUGIN_EVENTS = new TableDef("mem_plugin_events",
            List.of(required("event_id", ColumnType.ID), required("event_type", ColumnType.NAME),
                    required("status", ColumnType.CODE), required("message", ColumnType.LONG_TEXT),
                    optional("plugin_domain", ColumnType.CODE), optional("plugin_key", ColumnType.NAME),
                    optional("plugin_version", ColumnType.NAME), optional("binding_key", ColumnType.NAME),
                    optional("subject_key", ColumnType.NAME), optional("actor", ColumnType.ID),
                    required("created_at", ColumnType.TIMESTAMP)),
            List.of("event_id"), List.of(on("idx_plugin_event_time", "created_at")));

    static final TableDef ACCESS_COUNTS = new TableDef("mem_access_counts",
            List.of(required("user_id", ColumnType.ID), required("memory_id", ColumnType.ID),
                    required("access_count", ColumnType.BIGINT), required("last_accessed_at", ColumnType.TIMESTAMP)),
            List.of("user_id", "memory_id"), List.of());

    /** The operator audit trail: support reads of another user's memory by the master key. */
    static final TableDef AUDIT_EVENTS = new TableDef("mem_audit_events",
            List.of(required("event_id", ColumnType.ID), required("created_at", ColumnType.TIMESTAMP),
                    required("actor", ColumnType.CODE), optional("acting_user", ColumnType.ID),
                    required("action", ColumnType.CODE), required("user_id", ColumnType.ID),
                    optional("target", ColumnType.ID)),
            List.of("event_id"), List.of(on("idx_audit_time", "created_at")));

    /** One row per handled request (route template, never the raw path), pruned after 90 days. */
    static final TableDef API_CALLS = new TableDef("mem_api_calls",
            List.of(required("call_id", ColumnType.ID), required("user_id", ColumnType.ID),
                    required("method", ColumnType.CODE), required("path", ColumnType.NAME),
                    required("status_code", ColumnType.BIGINT), required("rpc_error", ColumnType.BOOLEAN),
                    required("latency_ms", ColumnType.BIGINT),
                    required("called_at", ColumnType.TIMESTAMP)),
            List.of("call_id"),
            List.of(on("idx_call_user_time", "user_id", "called_at"), on("idx_call_time", "called_at")));

    /** The last use of each agent tool per user. */
    static final TableDef TOOL_USAGE = new TableDef("mem_tool_usage",
            List.of(required("user_id", ColumnType.ID), required("tool_name", ColumnType.SUBJECT),
                    required("last_used_at", ColumnType.TIMESTAMP)),
            List.of("user_id", "tool_name"), List.of());

    static final List<TableDef> ALL = List.of(SCHEMA_META, BRANCHES, REVISIONS, MEMORIES, SNAPSHOTS, USER_STATE,
            FEEDBACK, RETRIEVAL_PARAMS, API_KEYS, ERASURES, DISTRIBUTED_LOCKS, INSTANCES, ASYNC_TASKS,
            GOVERNANCE_COOLDOWNS, GOVERNANCE_RUNS, ENTITIES, ENTITY_LINKS, PLUGIN_SIGNERS, PLUGIN_PACKAGES,
            PLUGIN_BINDING_RULES, PLUGIN_EVENTS, ACCESS_COUNTS, AUDIT_EVENTS, API_CALLS, TOOL_USAGE);

    private SchemaDefinition() {
    }
}
