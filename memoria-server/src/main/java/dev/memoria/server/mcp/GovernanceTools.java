package dev.memoria.server.mcp;

import dev.memoria.core.Memoria;
import dev.memoria.core.governance.Governance;
import dev.memoria.core.governance.GovernanceOps;
import dev.memoria.core.governance.GovernanceReport;
import dev.memoria.core.llm.Reflection;
import dev.memoria.ports.error.UnavailableException;
import dev.memoria.ports.in.SnapshotInfo;
import dev.memoria.ports.model.Memory;
import dev.memoria.server.governance.LlmModes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * Same decision as {@code POST /v1/reflect}: without a model (or in candidates mode) the clusters go back to
     * the agent to synthesise and no cooldown starts; with one, insights are stored and the cooldown applies.
     */
    private String reflect(String user, ToolArguments args) {
        String mode = LlmModes.parse(args.text("mode"));
        Governance governance = memoria.governance();
        Reflection reflection = governance.reflection();
        if ("internal".equals(mode) && !reflection.llmAvailable()) {
            throw new UnavailableException("llm_not_configured", "LLM_API_KEY not configured");
        }
        if ("candidates".equals(mode) || !reflection.llmAvailable()) {
            return ResultTexts.clusters(reflection.candidates(user).stream().map(GovernanceTools::cluster).toList());
        }
        if (!args.bool("force", false)) {
            Optional<Long> remaining = governance.reflectCooldown(user);
            if (remaining.isPresent()) {
                return ResultTexts.cooldownSkipped("Reflection", remaining.get());
            }
        }
        Reflection.Outcome outcome = governance.reflect(user);
        return outcome.candidates().isEmpty() ? ResultTexts.NO_CLUSTERS
                : ResultTexts.reflected(outcome.scenesCreated(), outcome.candidates().size());
    }

    private static ResultTexts.Cluster cluster(Reflection.Cluster cluster) {
        return new ResultTexts.Cluster(cluster.signal(), cluster.importance(),
                cluster.memories().stream().map(Memory::content).toList());
    }
}
