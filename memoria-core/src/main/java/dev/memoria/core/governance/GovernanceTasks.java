package dev.memoria.core.governance;

import java.util.List;
import java.util.Set;

/**
 * Which governance operations may run. Everything is enabled by default; a plugin policy can switch operations
 * off (a deployment that must never quarantine, say) without touching the schedule of the others.
 */
public record GovernanceTasks(Set<String> disabled) {

    public static final String QUARANTINE = "quarantine";
    public static final String ARCHIVE_WORKING = "archive_working";
    public static final String CLEAN_TOOL_RESULTS = "clean_tool_results";
    public static final String REPAIR_CHAINS = "repair_chains";
    public static final String CONSOLIDATE = "consolidate";
    public static final String TUNE = "tune";
    public static final String SNAPSHOT_RETENTION = "snapshot_retention";
    public static final String GC = "gc";
    public static final String ASYNC_TASK_CLEANUP = "async_task_cleanup";
    public static final String REFLECT = "reflect";
    public static final String EXTRACT_ENTITIES = "extract_entities";

    /** Every switchable operation, in the order the documentation lists them. */
    public static final List<String> ALL = List.of(QUARANTINE, ARCHIVE_WORKING, CLEAN_TOOL_RESULTS, REPAIR_CHAINS,
            CONSOLIDATE, TUNE, SNAPSHOT_RETENTION, GC, ASYNC_TASK_CLEANUP, REFLECT, EXTRACT_ENTITIES);

    public static final GovernanceTasks ALL_ENABLED = new GovernanceTasks(Set.of());

    public GovernanceTasks {
        disabled = Set.copyOf(disabled);
        for (String name : disabled) {
            if (!ALL.contains(name)) {
                throw new IllegalArgumentException("unknown governance task '" + name + "'; known: " + ALL);
            }
        }
    }

    public boolean enabled(String task) {
        return !disabled.contains(task);
    }
}
