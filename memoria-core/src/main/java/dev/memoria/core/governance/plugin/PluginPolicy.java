package dev.memoria.core.governance.plugin;

import dev.memoria.core.governance.GovernancePolicy;
import dev.memoria.core.governance.GovernanceTasks;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The governance policy a plugin carries, as knobs over the built-in policy: every field is optional and an absent
 * one keeps the operator's configured value. Sections:
 * <pre>
 * thresholds: quarantine, duplicate_similarity, conflict_similarity
 * retention:  safety_snapshots_keep, gc_horizon_days, stale_working_hours, tool_result_hours, finished_task_hours
 * tasks:      {quarantine, archive_working, clean_tool_results, repair_chains, consolidate, tune,
 *              snapshot_retention, gc, async_task_cleanup, reflect, extract_entities}: true | false
 * schedule:   hourly_secs, daily_secs, weekly_secs
 * </pre>
 */
public record PluginPolicy(Map<String, Object> raw, Double quarantine, Double duplicateSimilarity,
                           Double conflictSimilarity, Long snapshotsKeep, Long gcHorizonDays, Long staleWorkingHours,
                           Long toolResultHours, Long finishedTaskHours, Map<String, Boolean> tasks,
                           Map<String, Long> scheduleSecs) {

    private static final long MAX_HOURS = 24L * 3650;
    private static final long MAX_SECS = 3650L * 86400;

    public static final PluginPolicy EMPTY = from(Map.of());

    public PluginPolicy {
        raw = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(raw));
        tasks = Map.copyOf(tasks);
        scheduleSecs = Map.copyOf(scheduleSecs);
    }

    public static PluginPolicy from(Map<String, Object> raw) {
        Fields f = new Fields(raw, "policy").only(Set.of("thresholds", "retention", "tasks", "schedule"));
        Fields t = f.object("thresholds").only(Set.of("quarantine", "duplicate_similarity", "conflict_similarity"));
        Fields r = f.object("retention").only(Set.of("safety_snapshots_keep", "gc_horizon_days",
                "stale_working_hours", "tool_result_hours", "finished_task_hours"));
        Fields k = f.object("tasks").only(Set.copyOf(GovernanceTasks.ALL));
        Map<String, Boolean> tasks = new LinkedHashMap<>();
        for (String name : k.keys()) {
            Boolean on = k.bool(name);
            if (on != null) {
                tasks.put(name, on);
            }
        }
        Fields s = f.object("schedule").only(Set.of("hourly_secs", "daily_secs", "weekly_secs"));
        Map<String, Long> schedule = new LinkedHashMap<>();
        for (String task : new String[]{"hourly", "daily", "weekly"}) {
            Long secs = s.whole(task + "_secs", 1, MAX_SECS);
            if (secs != null) {
                schedule.put(task, secs);
            }
        }
        return new PluginPolicy(raw, t.number("quarantine", 0, 1), t.number("duplicate_similarity", 0, 1),
                t.number("conflict_similarity", 0, 1), r.whole("safety_snapshots_keep", 1, 1000),
                r.whole("gc_horizon_days", 0, 3650), r.whole("stale_working_hours", 1, MAX_HOURS),
                r.whole("tool_result_hours", 1, MAX_HOURS), r.whole("finished_task_hours", 1, MAX_HOURS), tasks,
                schedule);
    }

    /** The built-in policy with this plugin's knobs applied; an inconsistent result (conflict above duplicate) is 422. */
    public GovernancePolicy applyTo(GovernancePolicy base) {
        Set<String> disabled = new HashSet<>(base.tasks().disabled());
        tasks.forEach((name, on) -> {
            if (on) {
                disabled.remove(name);
            } else {
                disabled.add(name);
            }
        });
        Map<String, Duration> intervals = new LinkedHashMap<>(base.intervals());
        scheduleSecs.forEach((task, secs) -> intervals.put(task, Duration.ofSeconds(secs)));
        try {
            return new GovernancePolicy(
                    quarantine != null ? quarantine : base.quarantineThreshold(),
                    staleWorkingHours != null ? Duration.ofHours(staleWorkingHours) : base.staleWorking(),
                    toolResultHours != null ? Duration.ofHours(toolResultHours) : base.toolResultAge(),
                    snapshotsKeep != null ? snapshotsKeep.intValue() : base.safetySnapshotsToKeep(),
                    gcHorizonDays != null ? Duration.ofDays(gcHorizonDays) : base.garbageHorizon(),
                    duplicateSimilarity != null ? duplicateSimilarity : base.duplicateSimilarity(),
                    conflictSimilarity != null ? conflictSimilarity : base.conflictSimilarity(),
                    finishedTaskHours != null ? Duration.ofHours(finishedTaskHours) : base.finishedTaskRetention(),
                    base.cooldowns(), new GovernanceTasks(disabled), intervals);
        } catch (IllegalArgumentException e) {
            throw Fields.invalid("policy is inconsistent: " + e.getMessage());
        }
    }

    /**
     * This policy with a remote endpoint's answer laid over it, section by section (the answer's fields win).
     */
    @SuppressWarnings("unchecked")
    public PluginPolicy overlay(Map<String, Object> answer) {
        Map<String, Object> merged = new LinkedHashMap<>(raw);
        answer.forEach((section, value) -> {
            if (value instanceof Map<?, ?> fields && merged.get(section) instanceof Map<?, ?> existing) {
                Map<String, Object> both = new LinkedHashMap<>((Map<String, Object>) existing);
                both.putAll((Map<String, Object>) fields);
                merged.put(section, both);
            } else {
                merged.put(section, value);
            }
        });
        return from(merged);
    }
}
