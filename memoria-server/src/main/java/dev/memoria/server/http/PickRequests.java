package dev.memoria.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.PickCommand;
import dev.memoria.ports.in.PickPreview;
import dev.memoria.ports.in.PickPreviewPage;
import dev.memoria.ports.in.PickResult;
import dev.memoria.ports.in.PickSelector;
import dev.memoria.ports.in.PickStrategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pick request body ({@code target, strategy, selector, dry_run}) and its answers, shared by
 * {@code POST /v1/branches/{name}/pick} and the embedded {@code memory_pick} tool so both read and say the same.
 * Limits are checked by the port values; this class only maps JSON onto them.
 */
public final class PickRequests {

    /** A parsed request: the command and, for a dry run, the page to show (null to execute). */
    public record Request(PickCommand command, PickPreviewPage dryRun, JsonNode selector) {
    }

    private PickRequests() {
    }

    public static Request parse(JsonBody body, ObjectMapper mapper) {
        JsonNode rawSelector = body.raw("selector");
        if (rawSelector == null || rawSelector.isNull()) {
            throw new InvalidInputException("missing_field", "missing field `selector`");
        }
        if (!rawSelector.isObject()) {
            throw new InvalidInputException("invalid_selector", "selector must be a JSON object");
        }
        PickCommand command = new PickCommand(body.optionalText("target"), PickStrategy.parse(body.string("strategy")),
                selector(JsonBody.wrap((ObjectNode) rawSelector, mapper)));
        JsonNode rawDryRun = body.raw("dry_run");
        PickPreviewPage page = null;
        if (rawDryRun != null && !rawDryRun.isNull() && !(rawDryRun.isBoolean() && !rawDryRun.booleanValue())) {
            // `true` asks for a preview with the defaults; an object tunes the page
            if (rawDryRun.isBoolean()) {
                page = PickPreviewPage.defaults();
            } else if (rawDryRun.isObject()) {
                JsonBody dryRun = JsonBody.wrap((ObjectNode) rawDryRun, mapper);
                page = new PickPreviewPage(orDefault(dryRun.integer("limit"), 10), orDefault(dryRun.integer("offset"), 0),
                        orDefault(dryRun.bool("include_content_preview"), true),
                        orDefault(dryRun.bool("include_scores"), true));
            } else {
                throw new InvalidInputException("invalid_dry_run", "dry_run must be a JSON object");
            }
        }
        return new Request(command, page, rawSelector);
    }

    private static PickSelector selector(JsonBody selector) {
        String type = selector.optionalText("type");
        if (type == null) {
            throw new InvalidInputException("invalid_selector",
                    "selector.type is required: key_list, snapshot_range or retrieve");
        }
        return switch (type) {
            case "key_list" -> {
                List<String> keys = selector.stringList("keys");
                yield new PickSelector.KeyList(keys == null ? List.of() : keys);
            }
            case "snapshot_range" -> new PickSelector.SnapshotRange(selector.optionalText("from_snapshot"),
                    selector.optionalText("to_snapshot"));
            case "retrieve" -> new PickSelector.Retrieve(selector.optionalText("query"),
                    orDefault(selector.integer("top_k"), PickSelector.Retrieve.DEFAULT_TOP_K), selector.number("min_score"));
            default -> throw new InvalidInputException("invalid_selector", "Unsupported selector type '" + type
                    + "'. Use key_list, snapshot_range, or retrieve.");
        };
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** {@code Picked <a> change(s) from branch '<s>' into '<t>' (<k> skipped[, <i> ignored])}, or nothing to pick. */
    public static String resultText(PickResult result) {
        if (result.picked() == 0 && result.skipped() == 0) {
            return "No pickable changes in branch '" + result.source() + "' for '" + result.target()
                    + "' matched the selector" + (result.ignored() > 0 ? " (" + result.ignored() + " ignored)" : "")
                    + ".";
        }
        return "Picked " + result.picked() + " change(s) from branch '" + result.source() + "' into '"
                + result.target() + "' (" + result.skipped() + " skipped"
                + (result.ignored() > 0 ? ", " + result.ignored() + " ignored" : "") + ")";
    }

    public static Map<String, Object> resultJson(PickResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", resultText(result));
        json.put("source", result.source());
        json.put("target", result.target());
        json.put("picked", result.picked());
        json.put("skipped", result.skipped());
        json.put("ignored", result.ignored());
        json.put("safety_snapshot", result.safetySnapshot());
        return json;
    }

    public static Map<String, Object> previewJson(PickPreview preview, PickPreviewPage page, JsonNode selector) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dry_run", true);
        json.put("result", "Previewed " + preview.candidateCount() + " change(s) from branch '" + preview.source()
                + "' into '" + preview.target() + "': " + preview.wouldApply() + " would apply, "
                + preview.wouldSkip() + " would skip, " + preview.conflictCount() + " conflict(s)"
                + (preview.wouldAbort() ? "; strategy fail would abort" : ""));
        json.put("source", preview.source());
        json.put("target", preview.target());
        json.put("strategy", preview.strategy().wireName());
        json.put("selector", selector);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("candidate_count", preview.candidateCount());
        summary.put("shown_count", preview.shown().size());
        summary.put("would_apply", preview.wouldApply());
        summary.put("would_skip", preview.wouldSkip());
        summary.put("conflict_count", preview.conflictCount());
        summary.put("would_abort", preview.wouldAbort());
        json.put("summary", summary);
        json.put("page", Map.of("limit", page.limit(), "offset", page.offset(), "has_more", preview.hasMore()));
        json.put("candidates", preview.shown().stream().map(c -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("memory_id", c.memoryId());
            if (c.content() != null) {
                item.put("content_preview", c.content());
            }
            if (c.score() != null) {
                item.put("score", c.score());
            }
            item.put("status", c.status().name().toLowerCase(Locale.ROOT));
            item.put("reason", c.reason());
            return item;
        }).toList());
        return json;
    }
}
