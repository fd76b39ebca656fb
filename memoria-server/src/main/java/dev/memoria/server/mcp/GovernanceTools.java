package dev.memoria.server.mcp;

import dev.memoria.core.Memoria;
import dev.memoria.core.governance.Governance;
import dev.memoria.core.governance.GovernanceOps;
import dev.memoria.core.governance.GovernanceReport;
import dev.memoria.core.llm.Reflection;
import dev.memoria.ports.in.LlmMode;
import dev.memoria.ports.in.SnapshotInfo;
import dev.memoria.ports.model.Memory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Memory hygiene on the facade's {@link Governance}: the user-triggered governance, consolidation and reflection
 * runs, with the same cooldowns (and {@code force} override) as their REST routes.
 */
final class GovernanceTools {

    private final Memoria memoria;

    GovernanceTools(Memoria memoria) {
        this.memoria = memoria;
    }

    Map<String, ToolHandler> handlers() {
        Map<String, ToolHandler> tools = new LinkedHashMap<>();
        tools.put("memory_governance", this::governance);
        tools.put("memory_consolidate", this::consolidate);
        tools.put("memory_reflect", this::reflect);
        return tools;
    }

    private String governance(String user, ToolArguments args) {
        Governance.Triggered run = memoria.governance().trigger(user, GovernanceOps.GOVERNANCE,
                args.bool("force", false));
        if (run.skipped()) {
            return ResultTexts.cooldownSkipped("Governance", run.cooldownRemainingSeconds());
        }
        List<SnapshotInfo> snapshots = memoria.listSnapshots(user);
        int safety = (int) snapshots.stream().filter(s -> s.snapshot().safety()).count();
        return ResultTexts.governed(run.report().count("quarantined"), run.report().count("cleaned_stale"),
                snapshots.size(), safety);
    }

    private String consolidate(String user, ToolArguments args) {
        Governance.Triggered run = memoria.governance().trigger(user, GovernanceOps.CONSOLIDATE,
                args.bool("force", false));
        if (run.skipped()) {
            return ResultTexts.cooldownSkipped("Consolidation", run.cooldownRemainingSeconds());
        }
        GovernanceReport report = run.report();
        return ResultTexts.consolidated(report.status(), report.count("conflicts_detected"),
                report.count("orphaned_scenes"), report.count("promoted"), report.count("demoted"), report.warnings());
    }

    /**
     * The decision is the core's ({@link Governance#reflect(String, LlmMode, boolean)}), as for
     * {@code POST /v1/reflect}: without a model (or in candidates mode) the clusters go back to the agent.
     */
    private String reflect(String user, ToolArguments args) {
        Governance.ReflectRun run = memoria.governance().reflect(user, LlmMode.parse(args.text("mode")),
                args.bool("force", false));
        if (run.handedOver()) {
            return ResultTexts.clusters(run.candidates().stream().map(GovernanceTools::cluster).toList());
        }
        if (run.skipped()) {
            return ResultTexts.cooldownSkipped("Reflection", run.cooldownRemainingSeconds());
        }
        Reflection.Outcome outcome = run.outcome();
        return outcome.candidates().isEmpty() ? ResultTexts.NO_CLUSTERS
                : ResultTexts.reflected(outcome.scenesCreated(), outcome.candidates().size());
    }

    private static ResultTexts.Cluster cluster(Reflection.Cluster cluster) {
        return new ResultTexts.Cluster(cluster.signal(), cluster.importance(),
                cluster.memories().stream().map(Memory::content).toList());
    }
}
