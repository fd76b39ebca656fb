package dev.memoria.core.governance;

import dev.memoria.core.MemoryIds;
import dev.memoria.core.llm.EntityExtraction;
import dev.memoria.core.llm.Reflection;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.LlmMode;
import dev.memoria.ports.model.GovernanceRun;
import dev.memoria.ports.out.GovernanceLog;
import dev.memoria.ports.out.TaskStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Governance as callers see it: per-user triggers behind cooldowns, the admin trigger without them, and the
 * scheduled tasks over every user. Every run is audited in the shared log and counted in the metrics.
 */
public final class Governance {

    private static final Logger LOG = Logger.getLogger(Governance.class.getName());

    public static final String HOURLY = "hourly";
    public static final String DAILY = "daily";
    public static final String WEEKLY_TASK = "weekly";

    /** A trigger's answer: either skipped for a cooldown, or the report. */
    public record Triggered(Long cooldownRemainingSeconds, GovernanceReport report) {
        public boolean skipped() {
            return cooldownRemainingSeconds != null;
        }
    }

    private final GovernanceService service;
    private final PolicySource policies;
    private final Cooldowns cooldowns;
    private final GovernanceLog log;
    private final GovernanceMetrics metrics = new GovernanceMetrics();
    private final Reflection reflection;
    private final EntityExtraction entities;
    private final TaskStore tasks;
    private final String instanceId;
    private final Clock clock;

    public Governance(GovernanceService service, PolicySource policies, Cooldowns cooldowns, GovernanceLog log,
                      Reflection reflection, EntityExtraction entities, TaskStore tasks, String instanceId,
                      Clock clock) {
        this.service = service;
        this.policies = policies;
        this.cooldowns = cooldowns;
        this.log = log;
        this.reflection = reflection;
        this.entities = entities;
        this.tasks = tasks;
        this.instanceId = instanceId;
        this.clock = clock;
    }

    public GovernanceMetrics metrics() {
        return metrics;
    }

    public GovernanceLog auditLog() {
        return log;
    }

    public Reflection reflection() {
        return reflection;
    }

    public EntityExtraction entities() {
        return entities;
    }

    /** {@code POST /v1/governance} and {@code /v1/consolidate}: skipped while cooling down unless forced. */
    public Triggered trigger(String userId, String operation, boolean force) {
        if (!GovernanceOps.GOVERNANCE.equals(operation) && !GovernanceOps.CONSOLIDATE.equals(operation)) {
            throw new IllegalArgumentException("not a cooldown trigger: " + operation);
        }
        if (!force) {
            Optional<Long> remaining = cooldowns.remaining(userId, operation);
            if (remaining.isPresent()) {
                return new Triggered(remaining.get(), null);
            }
        }
        GovernanceReport report = run(operation, userId);
        cooldowns.markRun(userId, operation);
        return new Triggered(null, report);
    }

    /**
     * A per-user reflect request's answer, one of: the clusters handed to the caller ({@code candidates}: no model,
     * or mode {@code candidates}; no cooldown starts), skipped for the cooldown, or the model's outcome.
     */
    public record ReflectRun(List<Reflection.Cluster> candidates, Long cooldownRemainingSeconds,
                             Reflection.Outcome outcome) {
        public boolean handedOver() {
            return candidates != null;
        }

        public boolean skipped() {
            return cooldownRemainingSeconds != null;
        }
    }

    /**
     * {@code POST /v1/reflect} and {@code memory_reflect}: the mode decides whether the model works
     * ({@code internal} without one is refused); only a model run is behind the cooldown, which {@code force}
     * skips.
     */
    public ReflectRun reflect(String userId, LlmMode mode, boolean force) {
        if (!mode.usesModel(reflection.llmAvailable())) {
            return new ReflectRun(reflection.candidates(userId), null, null);
        }
        if (!force) {
            Optional<Long> remaining = reflectCooldown(userId);
            if (remaining.isPresent()) {
                return new ReflectRun(null, remaining.get(), null);
            }
        }
        return new ReflectRun(null, null, reflect(userId));
    }

    /** Seconds left of the reflect cooldown, when it applies. */
    public Optional<Long> reflectCooldown(String userId) {
        return cooldowns.remaining(userId, GovernanceOps.REFLECT);
    }

    /** Runs reflection with the model, audits it and starts its cooldown. */
    public Reflection.Outcome reflect(String userId) {
        Instant started = clock.instant();
        Reflection.Outcome outcome = reflection.reflect(userId);
        RunRecorder run = new RunRecorder(GovernanceOps.REFLECT, userId);
        run.add("scenes_created", outcome.scenesCreated());
        run.add("candidates_found", outcome.candidates().size());
        outcome.warnings().forEach(run::warn);
        audit(run.report(), started);
        cooldowns.markRun(userId, GovernanceOps.REFLECT);
        return outcome;
    }

    /** The admin trigger: runs {@code operation} for one user now, ignoring cooldowns. */
    public GovernanceReport run(String operation, String userId) {
        Instant started = clock.instant();
        if (!List.of(GovernanceOps.GOVERNANCE, GovernanceOps.CONSOLIDATE, GovernanceOps.WEEKLY,
                GovernanceOps.EXTRACT_ENTITIES).contains(operation)) {
            throw new InvalidInputException("invalid_op", "Invalid op: " + operation
                    + ". Must be governance|consolidate|extract_entities|weekly");
        }
        PolicySource.PolicyChoice choice = choose(operation, userId);
        GovernancePolicy policy = choice.policy();
        GovernanceReport report = switch (operation) {
            case GovernanceOps.GOVERNANCE -> service.governance(userId, policy, Cancellation.NEVER);
            case GovernanceOps.CONSOLIDATE -> service.consolidate(userId, policy, Cancellation.NEVER);
            case GovernanceOps.WEEKLY -> service.weekly(userId, policy, Cancellation.NEVER);
            default -> extractEntities(userId);
        };
        report = withPolicy(report, List.of(choice));
        audit(report, started);
        return report;
    }

    /** The policy a run obeys; a failing source (registry unreachable) must not stop governance: built-in. */
    private PolicySource.PolicyChoice choose(String task, String userId) {
        try {
            return policies.begin(task).forUser(userId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not resolve the governance policy; using the built-in one", e);
            return new PolicySource.PolicyChoice(service.policy(), "builtin",
                    List.of("policy resolution failed, built-in policy used: " + e.getMessage()));
        }
    }

    /** Names the policies a run obeyed and carries their warnings into the report. */
    private static GovernanceReport withPolicy(GovernanceReport report, List<PolicySource.PolicyChoice> choices) {
        List<String> warnings = new ArrayList<>(report.warnings());
        java.util.Set<String> origins = new java.util.LinkedHashSet<>();
        java.util.Set<String> disabled = new java.util.TreeSet<>();
        for (PolicySource.PolicyChoice choice : choices) {
            origins.add(choice.origin());
            disabled.addAll(choice.policy().tasks().disabled());
            choice.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        }
        Map<String, Object> details = new LinkedHashMap<>(report.details());
        details.put("policy", origins.size() == 1 ? origins.iterator().next() : new ArrayList<>(origins));
        if (!disabled.isEmpty()) {
            details.put("disabled_tasks", new ArrayList<>(disabled));
        }
        String status = warnings.isEmpty() || !"success".equals(report.status()) ? report.status() : "degraded";
        return new GovernanceReport(report.operation(), report.userId(), status, report.counts(), warnings,
                report.snapshots(), details);
    }

    /**
     * The scheduler intervals the current cluster-wide policy sets (a plugin may change how often tasks run);
     * empty when it keeps the cluster settings.
     */
    public Map<String, java.time.Duration> scheduleIntervals() {
        return choose("schedule", null).policy().intervals();
    }

    private GovernanceReport extractEntities(String userId) {
        RunRecorder run = new RunRecorder(GovernanceOps.EXTRACT_ENTITIES, userId);
        run.declare("processed", "skipped", "edges_created", "entities_linked");
        if (!entities.llmAvailable()) {
            EntityExtraction.BackfillResult result = entities.backfill(userId);
            run.add("processed", result.processed());
            run.add("skipped", result.nothingFound());
            run.add("edges_created", result.linksCreated());
            run.add("entities_linked", result.entitiesCreated());
            run.detail("note", "LLM not configured: linked the names the text rules find");
            return run.report();
        }
        EntityExtraction.ExtractResult result = entities.extract(userId);
        run.add("processed", result.processed());
        run.add("skipped", result.failed());
        run.add("edges_created", result.linksCreated());
        run.add("entities_linked", result.entitiesFound());
        return run.report();
    }

    /**
     * A scheduled task over every user. A failure for one user is a warning and the run goes on; a cancelled run
     * (its lock was lost) stops between users and is recorded as cancelled.
     */
    public GovernanceReport runScheduled(String task, Cancellation cancel) {
        Instant started = clock.instant();
        RunRecorder total = new RunRecorder(task, null);
        List<String> users = service.listUsers();
        total.add("users_processed", 0);
        String status = null;
        PolicySource.RunPolicies plan;
        List<PolicySource.PolicyChoice> choices = new ArrayList<>();
        try {
            plan = policies.begin(task);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not resolve the governance policy; using the built-in one", e);
            total.warn("policy resolution failed, built-in policy used: " + e.getMessage());
            plan = PolicySource.fixed(service.policy()).begin(task);
        }
        try {
            for (String user : users) {
                cancel.check();
                try {
                    PolicySource.PolicyChoice choice = plan.forUser(user);
                    choices.add(choice);
                    GovernancePolicy policy = choice.policy();
                    GovernanceReport one = switch (task) {
                        case HOURLY -> service.hourly(user, policy, cancel);
                        case DAILY -> service.daily(user, policy, cancel);
                        case WEEKLY_TASK -> service.weekly(user, policy, cancel);
                        default -> throw new IllegalArgumentException("unknown task " + task);
                    };
                    one.counts().forEach(total::add);
                    one.warnings().forEach(total::warn);
                    one.snapshots().forEach(total::snapshot);
                    total.add("users_processed", 1);
                } catch (Cancellation.CancelledException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "governance " + task + " failed for a user", e);
                    total.warn(task + ":" + user + " failed: " + e.getMessage());
                }
            }
            if (DAILY.equals(task)) {
                PolicySource.PolicyChoice global = plan.forUser(null);
                choices.add(global);
                dailyExtras(users, global.policy(), plan, total, cancel);
            }
        } catch (Cancellation.CancelledException e) {
            total.warn(task + " stopped: " + cancel.reason());
            status = "cancelled";
        }
        GovernanceReport report = choices.isEmpty() ? total.report() : withPolicy(total.report(), choices);
        if (status != null) {
            report = new GovernanceReport(report.operation(), null, status, report.counts(), report.warnings(),
                    report.snapshots(), report.details());
        }
        audit(report, started);
        return report;
    }

    /** Without an LLM, the daily entity pass links what the text rules find (batch-stored memories, mostly). */
    private void linkByTextRules(List<String> users, PolicySource.RunPolicies plan, RunRecorder total,
                                 Cancellation cancel) {
        for (String user : users) {
            cancel.check();
            try {
                if (plan.forUser(user).policy().tasks().enabled(GovernanceTasks.EXTRACT_ENTITIES)) {
                    EntityExtraction.BackfillResult result = entities.backfill(user);
                    total.add("entity_links_created", result.linksCreated());
                }
            } catch (RuntimeException e) {
                total.warn("daily:entities:" + user + " failed: " + e.getMessage());
            }
        }
    }

    private void dailyExtras(List<String> users, GovernancePolicy global, PolicySource.RunPolicies plan,
                             RunRecorder total, Cancellation cancel) {
        if (global.tasks().enabled(GovernanceTasks.ASYNC_TASK_CLEANUP)) {
            try {
                total.add("async_tasks_cleaned", tasks.deleteFinishedOlderThan(global.finishedTaskRetention()));
            } catch (RuntimeException e) {
                total.warn("daily:async_tasks failed: " + e.getMessage());
            }
        }
        if (!reflection.llmAvailable()) {
            total.detail("reflection", "skipped: LLM not configured");
            total.detail("entity_extraction", "LLM not configured: linked the names the text rules find");
            linkByTextRules(users, plan, total, cancel);
            return;
        }
        for (String user : users) {
            cancel.check();
            try {
                GovernanceTasks switches = plan.forUser(user).policy().tasks();
                if (switches.enabled(GovernanceTasks.REFLECT)) {
                    total.add("scenes_created", reflection.reflect(user).scenesCreated());
                }
                if (switches.enabled(GovernanceTasks.EXTRACT_ENTITIES)) {
                    total.add("entities_found", entities.extract(user).entitiesFound());
                }
            } catch (RuntimeException e) {
                total.warn("daily:llm:" + user + " failed: " + e.getMessage());
            }
        }
    }

    private void audit(GovernanceReport report, Instant started) {
        metrics.record(report);
        try {
            log.record(new GovernanceRun(MemoryIds.random(), report.operation(), report.userId(), instanceId, started,
                    clock.instant(), report.status(), report.counts(), report.warnings(), report.snapshots()));
        } catch (RuntimeException e) {
            // the work is done; a lost audit row must not turn it into a failure
            LOG.log(Level.WARNING, "could not record a governance run", e);
        }
    }

    /** The report as the wire shows it: counters flattened next to op, user and status. */
    public static Map<String, Object> flatten(GovernanceReport report, Function<Long, Object> count) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("op", report.operation());
        json.put("user_id", report.userId());
        json.put("status", report.status());
        report.counts().forEach((k, v) -> json.put(k, count.apply(v)));
        json.put("warnings", new ArrayList<>(report.warnings()));
        json.put("safety_snapshots", new ArrayList<>(report.snapshots()));
        json.putAll(report.details());
        return json;
    }
}
