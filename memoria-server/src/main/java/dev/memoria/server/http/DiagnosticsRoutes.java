package dev.memoria.server.http;

import dev.memoria.ports.in.Capacity;
import dev.memoria.ports.in.DiagnoseMemories;
import dev.memoria.ports.in.Hygiene;
import dev.memoria.ports.in.StorageUsage;
import dev.memoria.ports.out.OrphanCounts;
import io.javalin.config.RoutesConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /v1/health/*} (the caller's own memory) and {@code /admin/health/hygiene} (every user): the existing
 * service's keys first, then what we add (counts by type and tier, chains, index size, a recommendation).
 */
public final class DiagnosticsRoutes {

    private final DiagnoseMemories diagnostics;

    public DiagnosticsRoutes(DiagnoseMemories diagnostics) {
        this.diagnostics = diagnostics;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/health/analyze", ctx -> {
            Map<String, Object> json = new LinkedHashMap<>();
            diagnostics.analyze(Requests.principal(ctx).userId()).forEach((type, health) -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("total", health.total());
                item.put("avg_confidence", round(health.averageConfidence(), 4));
                item.put("contradiction_rate", round(health.contradictionRate(), 4));
                item.put("avg_staleness_hours", round(health.averageStalenessHours(), 2));
                json.put(type.wireName(), item);
            });
            ctx.json(json);
        });
        routes.get("/v1/health/storage", ctx -> ctx.json(storageJson(
                diagnostics.storage(Requests.principal(ctx).userId()))));
        routes.get("/v1/health/capacity", ctx -> ctx.json(capacityJson(
                diagnostics.capacity(Requests.principal(ctx).userId()))));
        routes.get("/v1/health/hygiene", ctx -> ctx.json(hygieneJson(
                diagnostics.hygiene(Requests.principal(ctx).userId()))));
        routes.get("/admin/health/hygiene", ctx -> {
            Requests.requireMaster(ctx);
            Hygiene all = diagnostics.hygiene(null);
            Map<String, Object> json = hygieneJson(all);
            OrphanCounts orphans = all.orphans();
            Map<String, Object> orphanStats = new LinkedHashMap<>();
            orphanStats.put("memory_entity_links", orphans.memoryEntityLinks());
            orphanStats.put("entity_links", orphans.entityLinks());
            orphanStats.put("graph_nodes", orphans.graphNodes());
            orphanStats.put("broken_chains", orphans.brokenChains());
            json.put("orphan_stats", orphanStats);
            ctx.json(json);
        });
    }

    private static Map<String, Object> storageJson(StorageUsage usage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", usage.total());
        json.put("active", usage.active());
        json.put("inactive", usage.inactive());
        json.put("avg_content_size", round(usage.averageContentSize(), 1));
        return json;
    }

    private static Map<String, Object> capacityJson(Capacity capacity) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_active_memories", capacity.userActiveMemories());
        json.put("global_vector_count", capacity.globalVectorCount());
        json.put("monthly_growth_rate", round(capacity.monthlyGrowthRate(), 4));
        // the existing service's key: there the thresholds decide when MatrixOne's IVF index pays off
        json.put("ivf_thresholds", Map.of("optimal", capacity.optimalThreshold(),
                "degraded", capacity.degradedThreshold()));
        json.put("recommendation", capacity.recommendation());
        return json;
    }

    private static Map<String, Object> hygieneJson(Hygiene hygiene) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inactive_memories", hygiene.inactiveMemories());
        json.put("stale_working_memories", hygiene.staleWorkingMemories());
        json.put("orphan_memory_entity_links", hygiene.orphans().memoryEntityLinks());
        json.put("orphan_entity_links", hygiene.orphans().entityLinks());
        json.put("orphan_graph_nodes", hygiene.orphans().graphNodes());
        json.put("broken_chains", hygiene.orphans().brokenChains());
        json.put("superseded_memories", hygiene.supersededMemories());
        Map<String, Object> byType = new LinkedHashMap<>();
        hygiene.activeByType().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byType.put(e.getKey().wireName(), e.getValue()));
        json.put("by_type", byType);
        Map<String, Object> byTier = new LinkedHashMap<>();
        hygiene.activeByTier().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> byTier.put(e.getKey().name(), e.getValue()));
        json.put("by_tier", byTier);
        json.put("index_size", Map.of("vectors", hygiene.indexedVectors()));
        json.put("recommendation", hygiene.recommendation());
        return json;
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
