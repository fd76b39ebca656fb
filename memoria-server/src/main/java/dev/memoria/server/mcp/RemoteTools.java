package dev.memoria.server.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.llm.EntityExtraction;
import dev.memoria.ports.model.Entity;
import dev.memoria.server.governance.EntityResponses;
import dev.memoria.server.governance.LlmModes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every tool proxied to a Memoria server's REST API (stdio remote mode). Arguments are checked here with
 * the same rules as embedded mode, and REST answers are turned into the same result texts.
 */
final class RemoteTools {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RestClient rest;

    RemoteTools(RestClient rest) {
        this.rest = rest;
    }

    Map<String, ToolHandler> handlers() {
        Map<String, ToolHandler> tools = new LinkedHashMap<>();
        tools.put("memory_store", (user, args) -> store(args));
        tools.put("memory_retrieve", (user, args) -> retrieve("memory_retrieve", "/v1/memories/retrieve", args, 5));
        tools.put("memory_search", (user, args) -> retrieve("memory_search", "/v1/memories/search", args, 10));
        tools.put("memory_correct", (user, args) -> correct(args));
        tools.put("memory_purge", (user, args) -> purge(args));
        tools.put("memory_profile", (user, args) -> profile(args));
        tools.put("memory_capabilities", (user, args) -> Capabilities.TEXT);
        tools.put("memory_list", (user, args) -> list(args));
        tools.put("memory_governance", (user, args) -> governance(args));
        tools.put("memory_consolidate", (user, args) -> consolidate(args));
        tools.put("memory_reflect", (user, args) -> reflect(args));
        tools.put("memory_feedback", (user, args) -> feedback(args));
        tools.put("memory_observe", (user, args) -> observe(args));
        tools.put("memory_snapshot", (user, args) -> snapshot(args));
        tools.put("memory_snapshots", (user, args) -> snapshots(args));
        tools.put("memory_snapshot_delete", (user, args) -> snapshotDelete(args));
        tools.put("memory_rollback", (user, args) -> result(rest.post("memory_rollback", "/v1/snapshots/"
                + RestClient.segment(args.requiredText("name", "name is required")) + "/rollback", Map.of())));
        tools.put("memory_branch", (user, args) -> branch(args));
        tools.put("memory_branches", (user, args) -> branches());
        tools.put("memory_checkout", (user, args) -> checkout(args));
        tools.put("memory_merge", (user, args) -> merge(args));
        tools.put("memory_branch_delete", (user, args) -> branchDelete(args));
        tools.put("memory_diff", (user, args) -> diff(args));
        tools.put("memory_apply", (user, args) -> apply(args));
        tools.put("memory_pick", (user, args) -> pick(args));
        tools.put("memory_get_retrieval_params", (user, args) ->
                ResultTexts.pretty(rest.get("memory_get_retrieval_params", "/v1/retrieval-params", Map.of())));
        tools.put("memory_tune_params", (user, args) -> tune());
        tools.put("memory_extract_entities", (user, args) -> ResultTexts.compact(rest.post("memory_extract_entities",
                "/v1/extract-entities", RestClient.body("mode", LlmModes.parse(args.text("mode"))))));
        tools.put("memory_link_entities", (user, args) -> linkEntities(args));
        return tools;
    }

    private String store(ToolArguments args) {
        String content = args.requiredText("content", "content is required");
        JsonNode memory = rest.post("memory_store", "/v1/memories", RestClient.body("content", content,
                "memory_type", args.text("memory_type"), "trust_tier", args.text("trust_tier"),
                "session_id", args.text("session_id"), "subject_id", args.text("subject_id"),
                "branch", args.text("branch"), "extra_metadata", args.object("extra_metadata")));
        return ResultTexts.stored(memory.path("memory_id").asText(), memory.path("content").asText());
    }

    private Map<String, Object> retrievalBody(ToolArguments args, String query, int defaultTopK) {
        Object explain = args.raw("explain");
        MemoryTools.explainLevel(explain); // same validation as embedded mode
        List<String> types = args.stringList("memory_types");
        return RestClient.body("query", query, "top_k", args.integer("top_k", defaultTopK),
                "session_id", args.text("session_id"), "session_scope", args.text("session_scope"),
                "subject_id", args.text("subject_id"), "memory_types", types.isEmpty() ? null : types,
                "branch", args.text("branch"), "explain", explain);
    }

    private String retrieve(String tool, String path, ToolArguments args, int defaultTopK) {
        String query = args.requiredText("query", "query is required");
        JsonNode answer = rest.post(tool, path, retrievalBody(args, query, defaultTopK));
        JsonNode results = answer.isArray() ? answer : answer.path("results");
        String lines = ResultTexts.memoryLines(lines(results), ResultTexts.NO_RELEVANT);
        return answer.has("explain") ? ResultTexts.withExplain(lines, answer.get("explain")) : lines;
    }

    private static List<ResultTexts.MemoryLine> lines(JsonNode memories) {
        List<ResultTexts.MemoryLine> lines = new ArrayList<>();
        for (JsonNode m : memories) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = m.hasNonNull("extra_metadata")
                    ? MAPPER.convertValue(m.get("extra_metadata"), Map.class) : Map.of();
            lines.add(new ResultTexts.MemoryLine(m.path("memory_id").asText(), m.path("memory_type").asText(),
                    m.path("content").asText(), metadata));
        }
        return lines;
    }

    private String correct(ToolArguments args) {
        String newContent = args.requiredText("new_content", "new_content is required");
        String memoryId = args.text("memory_id");
        JsonNode corrected;
        if (memoryId != null) {
            corrected = rest.put("memory_correct", "/v1/memories/" + RestClient.segment(memoryId.trim()) + "/correct",
                    RestClient.body("new_content", newContent, "branch", args.text("branch")));
        } else {
            String query = args.text("query");
            if (query == null) {
                throw new ToolError("Provide memory_id or query");
            }
            Map<String, Object> body = retrievalBody(args, query, 1);
            body.remove("top_k");
            body.remove("explain");
            body.put("new_content", newContent);
            try {
                corrected = rest.post("memory_correct", "/v1/memories/correct", body);
            } catch (ToolError e) {
                if (e.getMessage().startsWith("API error 404")) {
                    throw new ToolError("No matching memory found for query");
                }
                throw e;
            }
        }
        return ResultTexts.corrected(corrected.path("memory_id").asText(), corrected.path("content").asText());
    }

    private String purge(ToolArguments args) {
        List<String> ids = args.stringList("memory_id");
        if (ids.isEmpty()) {
            ids = args.stringList("memory_ids");
        }
        String topic = args.text("topic");
        String sessionId = args.text("session_id");
        int selectors = (ids.isEmpty() ? 0 : 1) + (topic == null ? 0 : 1) + (sessionId == null ? 0 : 1);
        if (selectors == 0) {
            throw new ToolError("Provide memory_id, topic, or session_id");
        }
        if (selectors > 1) {
            throw new ToolError("Provide only one of memory_id, topic, or session_id");
        }
        List<String> types = args.stringList("memory_types");
        JsonNode result = rest.post("memory_purge", "/v1/memories/purge", RestClient.body(
                "memory_ids", ids.isEmpty() ? null : ids, "topic", topic, "session_id", sessionId,
                "memory_types", types.isEmpty() ? null : types, "branch", args.text("branch")));
        return ResultTexts.purged(result.path("purged").asInt(), topic == null ? null : topic.trim(), sessionId,
                textOrNull(result, "snapshot_name"), textOrNull(result, "warning"));
    }

    private String profile(ToolArguments args) {
        JsonNode profile = rest.get("memory_profile", "/v1/profiles/me", RestClient.body(
                "subject_id", args.text("subject_id"), "branch", args.text("branch")));
        String text = profile.path("profile").asText("");
        return text.isBlank() ? ResultTexts.NO_PROFILE : text;
    }

    private String list(ToolArguments args) {
        JsonNode page = rest.get("memory_list", "/v1/memories", RestClient.body(
                "limit", args.integer("limit", 20, 1, 500), "memory_type", args.text("memory_type"),
                "session_id", args.text("session_id"), "subject_id", args.text("subject_id"),
                "trust_tier", args.text("trust_tier"), "branch", args.text("branch")));
        return ResultTexts.memoryLines(lines(page.path("items")), ResultTexts.NO_MEMORIES);
    }

    private String feedback(ToolArguments args) {
        String memoryId = args.requiredText("memory_id", "memory_id is required").trim();
        String signal = args.requiredText("signal", "signal is required: one of useful, irrelevant, outdated, wrong");
        JsonNode result = rest.post("memory_feedback", "/v1/memories/" + RestClient.segment(memoryId) + "/feedback",
                RestClient.body("signal", signal.trim(), "context", args.string("context")));
        return ResultTexts.feedback(result.path("memory_id").asText(), result.path("signal").asText(),
                result.path("feedback_id").asText());
    }

    private String observe(ToolArguments args) {
        List<ToolArguments> messages = args.objectList("messages");
        if (messages == null) {
            throw new ToolError("messages is required: an array of {role, content}");
        }
        JsonNode result = rest.post("memory_observe", "/v1/observe", RestClient.body(
                "messages", messages.stream().map(ToolArguments::asMap).toList(), "session_id", args.text("session_id"),
                "subject_id", args.text("subject_id"), "branch", args.text("branch")));
        return ResultTexts.pretty(result);
    }

    private String snapshot(ToolArguments args) {
        JsonNode created = rest.post("memory_snapshot", "/v1/snapshots", RestClient.body(
                "name", args.requiredText("name", "name is required"), "description", args.text("description")));
        return result(created);
    }

    private String snapshots(ToolArguments args) {
        JsonNode page = rest.get("memory_snapshots", "/v1/snapshots", RestClient.body(
                "limit", args.integer("limit", 20, 1, 500), "offset", args.integer("offset", 0, 0, Integer.MAX_VALUE)));
        List<ResultTexts.SnapshotLine> lines = new ArrayList<>();
        for (JsonNode s : page.path("snapshots")) {
            lines.add(new ResultTexts.SnapshotLine(s.path("name").asText(), s.path("created_at").asText()));
        }
        return ResultTexts.snapshots(lines, page.path("total").asInt());
    }

    private String snapshotDelete(ToolArguments args) {
        List<String> names = args.stringList("names");
        String prefix = args.text("prefix");
        String olderThan = args.text("older_than");
        if (names.isEmpty() && prefix == null && olderThan == null) {
            throw new ToolError("Specify 'names', 'prefix', or 'older_than'");
        }
        VersionTools.olderThan(olderThan); // same validation as embedded mode
        return result(rest.post("memory_snapshot_delete", "/v1/snapshots/delete", RestClient.body(
                "names", names.isEmpty() ? null : names, "prefix", prefix, "older_than", olderThan)));
    }

    private String branch(ToolArguments args) {
        return result(rest.post("memory_branch", "/v1/branches", RestClient.body(
                "name", args.requiredText("name", "name is required"), "from_snapshot", args.text("from_snapshot"),
                "from_timestamp", args.text("from_timestamp"))));
    }

    private String branches() {
        JsonNode answer = rest.get("memory_branches", "/v1/branches", Map.of());
        List<ResultTexts.BranchLine> lines = new ArrayList<>();
        for (JsonNode b : answer.path("branches")) {
            lines.add(new ResultTexts.BranchLine(b.path("name").asText(), b.path("active").asBoolean()));
        }
        return ResultTexts.branches(lines);
    }

    private String checkout(ToolArguments args) {
        String name = args.requiredText("name", "name is required").trim();
        return result(rest.post("memory_checkout", "/v1/branches/" + RestClient.segment(name) + "/checkout", Map.of()));
    }

    private String merge(ToolArguments args) {
        String source = args.requiredText("source", "source is required").trim();
        return result(rest.post("memory_merge", "/v1/branches/" + RestClient.segment(source) + "/merge",
                RestClient.body("strategy", args.text("strategy"))));
    }

    private String branchDelete(ToolArguments args) {
        String name = args.requiredText("name", "name is required").trim();
        if ("main".equals(name)) {
            throw new ToolError("Cannot delete main");
        }
        boolean exists = false;
        for (JsonNode b : rest.get("memory_branch_delete", "/v1/branches", Map.of()).path("branches")) {
            exists |= name.equals(b.path("name").asText());
        }
        if (!exists) {
            throw new ToolError("Branch '" + name + "' not found");
        }
        rest.delete("memory_branch_delete", "/v1/branches/" + RestClient.segment(name));
        return "Deleted branch '" + name + "'";
    }

    private String diff(ToolArguments args) {
        args.rejectUnknown(VersionTools.DIFF_ARGS);
        String source = args.requiredText("source", "source is required").trim();
        args.integer("limit", 50, 1, 500);
        return result(rest.get("memory_diff", "/v1/branches/" + RestClient.segment(source) + "/diff", Map.of()));
    }

    private String apply(ToolArguments args) {
        args.rejectUnknown(VersionTools.APPLY_ARGS);
        String source = args.requiredText("source", "source is required").trim();
        var command = VersionTools.applyCommand(args);
        if (command.adds().isEmpty() && command.updates().isEmpty() && command.removes().isEmpty()
                && command.acceptConflicts().isEmpty()) {
            return VersionTools.nothingToApply();
        }
        JsonNode result = rest.post("memory_apply", "/v1/branches/" + RestClient.segment(source) + "/apply",
                RestClient.body("adds", command.adds(), "updates", command.updates().stream()
                                .map(u -> Map.of("old_id", u.oldId(), "new_id", u.newId())).toList(),
                        "removes", command.removes(), "accept_branch_conflicts", command.acceptConflicts()));
        return ResultTexts.applied(source, result.path("applied_adds").size(), result.path("applied_updates").size(),
                result.path("applied_removes").size(), result.path("applied_conflicts").size());
    }

    private String governance(ToolArguments args) {
        JsonNode answer = rest.post("memory_governance", "/v1/governance",
                RestClient.body("force", args.bool("force", false)));
        if (answer.path("skipped").asBoolean()) {
            return ResultTexts.cooldownSkipped("Governance", answer.path("cooldown_remaining_s").asLong());
        }
        int total = 0;
        int safety = 0;
        // the snapshot list is paged: walk it to count every safety snapshot, as embedded mode does
        for (int offset = 0; ; offset += 500) {
            JsonNode page = rest.get("memory_governance", "/v1/snapshots", Map.of("limit", 500, "offset", offset));
            for (JsonNode snapshot : page.path("snapshots")) {
                safety += snapshot.path("safety").asBoolean() ? 1 : 0;
            }
            total = page.path("total").asInt();
            if (!page.path("has_more").asBoolean()) {
                break;
            }
        }
        return ResultTexts.governed(answer.path("quarantined").asLong(), answer.path("cleaned_stale").asLong(),
                total, safety);
    }

    private String consolidate(ToolArguments args) {
        JsonNode answer = rest.post("memory_consolidate", "/v1/consolidate",
                RestClient.body("force", args.bool("force", false)));
        if (answer.path("skipped").asBoolean()) {
            return ResultTexts.cooldownSkipped("Consolidation", answer.path("cooldown_remaining_s").asLong());
        }
        List<String> warnings = new ArrayList<>();
        answer.path("warnings").forEach(w -> warnings.add(w.asText()));
        return ResultTexts.consolidated(answer.path("status").asText(), answer.path("conflicts_detected").asLong(),
                answer.path("orphaned_scenes").asLong(), answer.path("promoted").asLong(),
                answer.path("demoted").asLong(), warnings);
    }

    private String reflect(ToolArguments args) {
        String mode = LlmModes.parse(args.text("mode")); // same validation as embedded mode
        JsonNode answer = rest.post("memory_reflect", "/v1/reflect",
                RestClient.body("force", args.bool("force", false), "mode", mode));
        if (answer.path("skipped").asBoolean()) {
            return ResultTexts.cooldownSkipped("Reflection", answer.path("cooldown_remaining_s").asLong());
        }
        if (answer.has("candidates_found")) { // the model ran
            long found = answer.path("candidates_found").asLong();
            return found == 0 ? ResultTexts.NO_CLUSTERS
                    : ResultTexts.reflected(answer.path("scenes_created").asLong(), found);
        }
        List<ResultTexts.Cluster> clusters = new ArrayList<>();
        for (JsonNode cluster : answer.path("candidates")) {
            List<String> contents = new ArrayList<>();
            cluster.path("memories").forEach(m -> contents.add(m.path("content").asText()));
            clusters.add(new ResultTexts.Cluster(cluster.path("signal").asText(),
                    cluster.path("importance").asDouble(), contents));
        }
        return ResultTexts.clusters(clusters);
    }

    private String pick(ToolArguments args) {
        args.rejectUnknown(VersionTools.PICK_ARGS);
        String source = args.requiredText("source", "source is required").trim();
        Map<String, Object> body = new LinkedHashMap<>(args.asMap());
        body.remove("source");
        JsonNode answer = rest.post("memory_pick", "/v1/branches/" + RestClient.segment(source) + "/pick", body);
        return answer.path("dry_run").asBoolean() ? ResultTexts.pretty(answer) : result(answer);
    }

    private String linkEntities(ToolArguments args) {
        List<Map<String, Object>> items = new ArrayList<>();
        try {
            for (EntityExtraction.Links links : EntityTools.parse(args.raw("entities"))) {
                List<Map<String, Object>> entities = new ArrayList<>();
                for (Entity entity : links.entities()) {
                    entities.add(RestClient.body("name", entity.displayName(), "type", entity.entityType()));
                }
                items.add(RestClient.body("memory_id", links.memoryId(), "entities", entities));
            }
        } catch (IllegalArgumentException e) {
            return ResultTexts.compact(Map.of("error", e.getMessage()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", "done");
        json.putAll(MAPPER.convertValue(rest.post("memory_link_entities", "/v1/extract-entities/link",
                Map.of("entities", items)), new TypeReference<Map<String, Object>>() { }));
        return ResultTexts.compact(json);
    }

    private String tune() {
        JsonNode result = rest.post("memory_tune_params", "/v1/retrieval-params/tune", Map.of());
        if (!result.path("tuned").asBoolean()) {
            return result.path("message").asText();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> oldParams = MAPPER.convertValue(result.get("old_params"), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> newParams = MAPPER.convertValue(result.get("new_params"), Map.class);
        return ResultTexts.tuned(oldParams, newParams);
    }

    private static String result(JsonNode answer) {
        return answer.path("result").asText();
    }

    private static String textOrNull(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
