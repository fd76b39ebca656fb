package dev.memoria.server.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import dev.memoria.core.governance.Governance;
import dev.memoria.core.governance.GovernanceOps;
import dev.memoria.core.governance.GovernanceReport;
import dev.memoria.core.llm.EntityExtraction;
import dev.memoria.core.llm.Reflection;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.LlmMode;
import dev.memoria.ports.model.Entity;
import dev.memoria.server.http.JsonBody;
import dev.memoria.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-user governance ({@code /v1/governance}, {@code /v1/consolidate}, {@code /v1/reflect}, entities) and the
 * admin trigger ({@code POST /admin/governance/{user}/trigger?op=...}, no cooldowns). Governance always works on
 * the user's {@code main} branch.
 */
public final class GovernanceRoutes {

    private final Memoria memoria;
    private final ObjectMapper mapper;

    public GovernanceRoutes(Memoria memoria, ObjectMapper mapper) {
        this.memoria = memoria;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/governance", ctx -> trigger(ctx, GovernanceOps.GOVERNANCE));
        routes.post("/v1/consolidate", ctx -> trigger(ctx, GovernanceOps.CONSOLIDATE));
        routes.post("/v1/reflect", this::reflect);
        routes.post("/v1/extract-entities", this::extractEntities);
        routes.post("/v1/extract-entities/link", this::linkEntities);
        routes.get("/v1/entities", this::entities);
        routes.post("/admin/governance/{user}/trigger", this::adminTrigger);
    }

    private void trigger(Context ctx, String operation) {
        JsonBody body = OptionalBody.of(ctx, mapper);
        String user = Requests.principal(ctx).userId();
        Governance.Triggered result = memoria.governance().trigger(user, operation, OptionalBody.flag(body, "force"));
        if (result.skipped()) {
            ctx.json(skipped(result.cooldownRemainingSeconds()));
            return;
        }
        GovernanceReport report = result.report();
        Map<String, Object> json = new LinkedHashMap<>();
        if (GovernanceOps.GOVERNANCE.equals(operation)) {
            json.put("quarantined", report.count("quarantined"));
            json.put("cleaned_stale", report.count("cleaned_stale"));
            json.put("archived_working", report.count("archived_working"));
            json.put("cleaned_tool_results", report.count("cleaned_tool_results"));
            json.put("orphan_graph_cleaned", report.count("orphan_graph_cleaned"));
        } else {
            json.put("status", report.status());
            json.put("conflicts_detected", report.count("conflicts_detected"));
            json.put("orphaned_scenes", report.count("orphaned_scenes"));
            json.put("promoted", report.count("promoted"));
            json.put("demoted", report.count("demoted"));
            json.put("compressed_redundant", report.count("compressed_redundant"));
            json.put("warnings", report.warnings());
            json.put("decision_count", report.count("conflicts_detected") + report.count("compressed_redundant"));
            json.put("conflicts", report.details().getOrDefault("conflicts", List.of()));
        }
        json.put("safety_snapshots", report.snapshots());
        ctx.json(json);
    }

    private static Map<String, Object> skipped(long remaining) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("skipped", true);
        json.put("cooldown_remaining_s", remaining);
        return json;
    }

    private void reflect(Context ctx) {
        JsonBody body = OptionalBody.of(ctx, mapper);
        Governance.ReflectRun run = memoria.governance().reflect(Requests.principal(ctx).userId(),
                LlmMode.parse(body.optionalText("mode")), OptionalBody.flag(body, "force"));
        if (run.handedOver()) {
            ctx.json(Map.of("candidates", run.candidates().stream().map(GovernanceRoutes::clusterJson).toList(),
                    "scenes_created", 0));
            return;
        }
        if (run.skipped()) {
            ctx.json(skipped(run.cooldownRemainingSeconds()));
            return;
        }
        Reflection.Outcome outcome = run.outcome();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenes_created", outcome.scenesCreated());
        json.put("candidates_found", outcome.candidates().size());
        if (outcome.candidates().isEmpty()) {
            json.put("candidates", List.of());
        }
        json.put("warnings", outcome.warnings());
        ctx.json(json);
    }

    private static Map<String, Object> clusterJson(Reflection.Cluster cluster) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signal", cluster.signal());
        json.put("importance", Math.round(cluster.importance() * 1000) / 1000.0);
        json.put("memories", cluster.memories().stream().map(EntityResponses::memoryRef).toList());
        return json;
    }

    private void extractEntities(Context ctx) {
        JsonBody body = OptionalBody.of(ctx, mapper);
        ctx.json(EntityResponses.extract(memoria.governance().entities().extract(Requests.principal(ctx).userId(),
                LlmMode.parse(body.optionalText("mode")))));
    }

    private void linkEntities(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        List<JsonBody> items = body.objectList("entities");
        if (items == null) {
            throw new InvalidInputException("missing_field", "missing field `entities`");
        }
        List<EntityExtraction.Links> request = new ArrayList<>();
        for (JsonBody item : items) {
            List<Entity> entities = new ArrayList<>();
            List<JsonBody> named = item.objectList("entities");
            for (JsonBody e : named == null ? List.<JsonBody>of() : named) {
                String name = e.requiredString("name");
                entities.add(new Entity(name, name, e.optionalText("type")));
            }
            request.add(new EntityExtraction.Links(item.requiredString("memory_id"), entities));
        }
        EntityExtraction.LinkResult result = memoria.governance().entities()
                .link(Requests.principal(ctx).userId(), request);
        ctx.json(EntityResponses.linked(result));
    }

    private void entities(Context ctx) {
        ctx.json(Map.of("entities", memoria.governance().entities().list(Requests.principal(ctx).userId()).stream()
                .map(EntityResponses::entity).toList()));
    }

    private void adminTrigger(Context ctx) {
        Requests.requireMaster(ctx);
        String op = Requests.query(ctx, "op");
        if (op == null) {
            throw new InvalidInputException("invalid_op",
                    "Invalid op: . Must be governance|consolidate|extract_entities|weekly");
        }
        GovernanceReport report = memoria.governance().run(op, ctx.pathParam("user"));
        ctx.json(Governance.flatten(report, v -> v));
    }
}
