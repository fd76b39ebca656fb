package dev.memoria.server.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memoria.core.Memoria;
import dev.memoria.core.governance.plugin.PluginRegistry;
import dev.memoria.ports.error.ErrorKind;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.model.PluginBindingRule;
import dev.memoria.ports.model.PluginEvent;
import dev.memoria.ports.model.PluginRecord;
import dev.memoria.ports.model.PluginSigner;
import dev.memoria.server.http.JsonBody;
import dev.memoria.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /admin/plugins/*} (master key; an API key gets 403): signers, publish, list, review, score, binding rules,
 * activation, the compatibility matrix and the audit trail. Translation only — the registry decides.
 */
public final class PluginRoutes {

    private final Memoria memoria;
    private final ObjectMapper mapper;

    public PluginRoutes(Memoria memoria, ObjectMapper mapper) {
        this.memoria = memoria;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.before("/admin/plugins*", Requests::requireMaster);
        routes.get("/admin/plugins/signers", ctx -> ctx.json(Map.of("signers",
                registry().signers().stream().map(PluginRoutes::signerJson).toList())));
        routes.post("/admin/plugins/signers", this::registerSigner);
        routes.post("/admin/plugins/signers/{signer}/revoke", ctx -> ctx.json(withOk(signerJson(
                registry().revokeSigner(ctx.pathParam("signer"), actor(optionalBody(ctx)))))));
        routes.post("/admin/plugins", this::publish);
        routes.get("/admin/plugins", ctx -> ctx.json(registry().list(Requests.query(ctx, "domain")).stream()
                .map(PluginRoutes::packageJson).toList()));
        routes.get("/admin/plugins/matrix", ctx -> ctx.json(registry().matrix(Requests.query(ctx, "domain")).stream()
                .map(PluginRoutes::matrixJson).toList()));
        routes.get("/admin/plugins/events", ctx -> ctx.json(registry().events(Requests.query(ctx, "domain"),
                Requests.query(ctx, "plugin_key"), Requests.query(ctx, "binding"),
                Requests.intQuery(ctx, "limit", 20)).stream().map(PluginRoutes::eventJson).toList()));
        routes.post("/admin/plugins/{key}/{version}/review", this::review);
        routes.post("/admin/plugins/{key}/{version}/score", this::score);
        routes.get("/admin/plugins/domains/{domain}/bindings", ctx -> ctx.json(registry()
                .bindings(ctx.pathParam("domain"), Requests.query(ctx, "binding")).stream()
                .map(PluginRoutes::ruleJson).toList()));
        routes.post("/admin/plugins/domains/{domain}/bindings", this::bind);
        routes.post("/admin/plugins/domains/{domain}/activate", this::activate);
    }

    private PluginRegistry registry() {
        return memoria.plugins();
    }

    private void registerSigner(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        PluginSigner signer = registry().registerSigner(body.requiredString("signer"),
                body.requiredString("public_key"), actor(body));
        ctx.status(201).json(withOk(signerJson(signer)));
    }

    /**
     * The body is the package document ({@code manifest}, {@code policy}, {@code signature}), optionally with an
     * {@code actor}; or {@code {"files": {"manifest.json": base64, "policy.json": …, "signature.json": …}}}.
     */
    private void publish(Context ctx) {
        JsonBody.of(ctx, mapper); // content type and JSON-object checks
        ObjectNode document;
        try {
            document = (ObjectNode) mapper.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new MemoriaException(ErrorKind.MALFORMED, "malformed_json", "Request body must be JSON");
        }
        JsonNode actorNode = document.remove("actor");
        String actor = actorNode != null && actorNode.isTextual() ? actorNode.textValue() : "api";
        if (document.has("files")) {
            document = fromFiles(document.get("files"));
        }
        PluginRecord record = registry().publish(document.toString(), actor);
        ctx.status(201).json(packageJson(record));
    }

    private ObjectNode fromFiles(JsonNode files) {
        if (!files.isObject() || !files.has("manifest.json")) {
            throw new InvalidInputException("invalid_plugin", "files must include manifest.json");
        }
        ObjectNode document = mapper.createObjectNode();
        for (String[] part : new String[][]{{"manifest.json", "manifest"}, {"policy.json", "policy"},
                {"signature.json", "signature"}}) {
            JsonNode encoded = files.get(part[0]);
            if (encoded == null) {
                continue;
            }
            try {
                document.set(part[1], mapper.readTree(Base64.getDecoder().decode(encoded.asText())));
            } catch (IllegalArgumentException | java.io.IOException e) {
                throw new InvalidInputException("invalid_plugin", part[0] + " must be base64 of a JSON document");
            }
        }
        return document;
    }

    private void review(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        ctx.json(withOk(packageJson(registry().review(ctx.pathParam("key"), ctx.pathParam("version"),
                body.requiredString("status"), body.optionalText("notes"), actor(body)))));
    }

    private void score(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        Double score = body.number("score");
        if (score == null) {
            throw new InvalidInputException("missing_field", "missing field `score`");
        }
        ctx.json(withOk(packageJson(registry().score(ctx.pathParam("key"), ctx.pathParam("version"), score,
                body.optionalText("notes"), actor(body)))));
    }

    private void bind(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        String selector = body.optionalText("version_selector") != null ? body.optionalText("version_selector")
                : body.optionalText("selector_value");
        PluginBindingRule rule = registry().bind(ctx.pathParam("domain"), new PluginRegistry.BindingRequest(
                body.optionalText("binding_key"), body.optionalText("subject_key"), body.integer("priority"),
                body.requiredString("plugin_key"), selector, body.integer("rollout_percent"),
                body.optionalText("transport_endpoint")), actor(body));
        ctx.json(withOk(ruleJson(rule)));
    }

    private void activate(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        PluginBindingRule rule = registry().activate(ctx.pathParam("domain"), body.requiredString("plugin_key"),
                body.requiredString("version"), body.optionalText("binding_key"), actor(body));
        ctx.json(withOk(ruleJson(rule)));
    }

    private JsonBody optionalBody(Context ctx) {
        return ctx.body().isBlank() ? JsonBody.wrap(mapper.createObjectNode(), mapper) : JsonBody.of(ctx, mapper);
    }

    private static String actor(JsonBody body) {
        String actor = body.optionalText("actor");
        return actor == null ? "api" : actor;
    }

    private static Map<String, Object> withOk(Map<String, Object> json) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ok", true);
        result.putAll(json);
        return result;
    }

    private static String time(Instant at) {
        return at == null ? null : at.toString();
    }

    static Map<String, Object> signerJson(PluginSigner s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("signer", s.name());
        json.put("algorithm", s.algorithm());
        json.put("public_key", s.publicKey());
        json.put("is_active", s.active());
        json.put("created_at", time(s.createdAt()));
        json.put("updated_at", time(s.updatedAt()));
        json.put("updated_by", s.updatedBy());
        return json;
    }

    static Map<String, Object> packageJson(PluginRecord p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plugin_key", p.pluginKey());
        json.put("version", p.version());
        json.put("domain", p.domain());
        json.put("runtime", p.runtime());
        json.put("signer", p.signer());
        json.put("sha256", p.digest());
        json.put("status", p.status());
        json.put("review_notes", p.reviewNotes());
        json.put("score", p.score());
        json.put("score_notes", p.scoreNotes());
        json.put("published_at", time(p.publishedAt()));
        json.put("published_by", p.publishedBy());
        json.put("updated_at", time(p.updatedAt()));
        return json;
    }

    static Map<String, Object> ruleJson(PluginBindingRule r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule_id", r.ruleId());
        json.put("domain", r.domain());
        json.put("binding_key", r.bindingKey());
        json.put("subject_key", r.subjectKey());
        json.put("priority", r.priority());
        json.put("plugin_key", r.pluginKey());
        json.put("version_selector", r.versionSelector());
        json.put("rollout_percent", r.rolloutPercent());
        json.put("transport_endpoint", r.transportEndpoint());
        json.put("status", r.status());
        json.put("updated_at", time(r.updatedAt()));
        json.put("updated_by", r.updatedBy());
        return json;
    }

    static Map<String, Object> matrixJson(PluginRegistry.MatrixRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plugin_key", row.pluginKey());
        json.put("version", row.version());
        json.put("domain", row.domain());
        json.put("runtime", row.runtime());
        json.put("status", row.status());
        json.put("supported", row.supported());
        json.put("reason", row.reason());
        json.put("compatibility", row.compatibility());
        return json;
    }

    static Map<String, Object> eventJson(PluginEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("event_id", e.eventId());
        json.put("event_type", e.eventType());
        json.put("status", e.status());
        json.put("message", e.message());
        json.put("domain", e.domain());
        json.put("plugin_key", e.pluginKey());
        json.put("version", e.version());
        json.put("binding_key", e.bindingKey());
        json.put("subject_key", e.subjectKey());
        json.put("actor", e.actor());
        json.put("created_at", time(e.createdAt()));
        return json;
    }
}
