package dev.memoria.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import dev.memoria.ports.in.ApplyCommand;
import dev.memoria.ports.in.ApplyResult;
import dev.memoria.ports.in.BranchChanges;
import dev.memoria.ports.in.BranchInfo;
import dev.memoria.ports.in.InputTimestamp;
import dev.memoria.ports.in.MergeResult;
import dev.memoria.ports.in.MergeStrategy;
import dev.memoria.ports.in.RollbackResult;
import dev.memoria.ports.in.SnapshotDetail;
import dev.memoria.ports.in.SnapshotInfo;
import dev.memoria.ports.in.SnapshotPage;
import dev.memoria.ports.in.StateDiff;
import dev.memoria.ports.model.Memory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Snapshot and branch routes; responses keep the human {@code result} texts clients parse. */
public final class VersionRoutes {

    private final Memoria memoria;
    private final ObjectMapper mapper;

    public VersionRoutes(Memoria memoria, ObjectMapper mapper) {
        this.memoria = memoria;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/snapshots", this::createSnapshot);
        routes.get("/v1/snapshots", this::listSnapshots);
        routes.post("/v1/snapshots/delete", this::deleteSnapshots);
        routes.get("/v1/snapshots/{name}", this::snapshotDetail);
        routes.get("/v1/snapshots/{name}/diff", this::snapshotDiff);
        routes.delete("/v1/snapshots/{name}", this::deleteSnapshot);
        routes.post("/v1/snapshots/{name}/rollback", this::rollback);

        routes.get("/v1/branches", this::listBranches);
        routes.post("/v1/branches", this::createBranch);
        routes.post("/v1/branches/{name}/checkout", this::checkout);
        routes.post("/v1/branches/{name}/merge", this::merge);
        routes.get("/v1/branches/{name}/diff", this::diffText);
        routes.get("/v1/branches/{name}/diff-items", this::diffItems);
        routes.post("/v1/branches/{name}/apply", this::apply);
        routes.post("/v1/branches/{name}/pick", this::pick);
        routes.delete("/v1/branches/{name}", this::deleteBranch);
    }

    private static String user(Context ctx) {
        return Requests.principal(ctx).userId();
    }

    // ---- snapshots

    private void createSnapshot(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        SnapshotInfo info = memoria.createSnapshot(Requests.caller(ctx, body.string("branch")),
                body.requiredString("name"), body.string("description"));
        Map<String, Object> json = summary(info);
        json.put("description", info.snapshot().description());
        json.put("result", "Snapshot '" + info.snapshot().name() + "' created at "
                + MemoryJson.timestamp(info.snapshot().createdAt()));
        ctx.status(201).json(json);
    }

    private static Map<String, Object> summary(SnapshotInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", info.snapshot().name());
        json.put("snapshot_name", info.snapshot().name());
        json.put("description", info.snapshot().description());
        json.put("branch", info.snapshot().branch());
        json.put("revision", info.snapshot().revision());
        json.put("memory_count", info.memoryCount());
        json.put("created_at", MemoryJson.timestamp(info.snapshot().createdAt()));
        json.put("timestamp", MemoryJson.timestamp(info.snapshot().createdAt()));
        json.put("registered", !info.snapshot().safety());
        json.put("safety", info.snapshot().safety());
        return json;
    }

    private void listSnapshots(Context ctx) {
        int limit = Math.max(1, Math.min(500, Requests.intQuery(ctx, "limit", 20)));
        int offset = Math.max(0, Requests.intQuery(ctx, "offset", 0));
        SnapshotPage page = memoria.listSnapshots(user(ctx), limit, offset); // paged in storage
        StringBuilder text = new StringBuilder(page.items().isEmpty() ? "Snapshots (0):"
                : "Snapshots (" + page.total() + " total):");
        page.items().forEach(s -> text.append('\n').append(s.snapshot().name()).append(" (")
                .append(MemoryJson.timestamp(s.snapshot().createdAt())).append(')'));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("snapshots", page.items().stream().map(VersionRoutes::summary).toList());
        json.put("total", page.total());
        json.put("limit", limit);
        json.put("offset", offset);
        json.put("has_more", page.hasMore());
        json.put("result", text.toString());
        ctx.json(json);
    }

    private void snapshotDetail(Context ctx) {
        int limit = Math.max(1, Math.min(500, Requests.intQuery(ctx, "limit", 50)));
        int offset = Math.max(0, Requests.intQuery(ctx, "offset", 0));
        String detail = Requests.query(ctx, "detail");
        int maxBytes = "full".equals(detail) ? 2000 : "normal".equals(detail) ? 200 : 80;
        SnapshotDetail snapshot = memoria.snapshotDetail(user(ctx), ctx.pathParam("name"), limit, offset);
        Map<String, Object> byType = new LinkedHashMap<>();
        snapshot.byType().forEach((type, count) -> byType.put(type.wireName(), count));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", snapshot.info().snapshot().name());
        json.put("snapshot_name", snapshot.info().snapshot().name());
        json.put("memory_count", snapshot.info().memoryCount());
        json.put("by_type", byType);
        json.put("memories", snapshot.memories().stream().map(m -> {
            Map<String, Object> item = MemoryJson.of(m);
            item.put("content", truncate(m.content(), maxBytes));
            return item;
        }).toList());
        json.put("limit", limit);
        json.put("offset", offset);
        json.put("has_more", snapshot.hasMore());
        ctx.json(json);
    }

    /** Cuts to at most {@code maxBytes} of UTF-8 without splitting a character. */
    static String truncate(String content, int maxBytes) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return content;
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8) + " [truncated]";
    }

    private void snapshotDiff(Context ctx) {
        int limit = Math.max(1, Math.min(200, Requests.intQuery(ctx, "limit", 50)));
        String against = Requests.query(ctx, "against");
        String name = ctx.pathParam("name");
        StateDiff diff = against == null ? memoria.diffWithNow(user(ctx), name)
                : memoria.diffSnapshots(user(ctx), name, against);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("snapshot_name", name);
        if (against != null) {
            json.put("against", against);
        }
        json.put("snapshot_count", diff.olderCount());
        json.put("current_count", diff.newerCount());
        json.put("added", diff.added().stream().limit(limit).map(VersionRoutes::brief).toList());
        json.put("removed", diff.removed().stream().limit(limit).map(VersionRoutes::brief).toList());
        ctx.json(json);
    }

    private static Map<String, Object> brief(Memory m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("memory_id", m.memoryId());
        json.put("content", m.content());
        json.put("memory_type", m.memoryType().wireName());
        json.put("trust_tier", m.trustTier().name());
        return json;
    }

    private void deleteSnapshot(Context ctx) {
        if (!memoria.deleteSnapshot(user(ctx), ctx.pathParam("name"))) {
            throw new dev.memoria.ports.error.NotFoundException("snapshot_not_found",
                    "Snapshot '" + ctx.pathParam("name") + "' not found");
        }
        ctx.status(204);
    }

    private void deleteSnapshots(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        List<String> names = null;
        JsonNode rawNames = body.raw("names");
        if (rawNames != null && rawNames.isTextual()) {
            names = Arrays.stream(rawNames.textValue().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        } else if (rawNames != null && !rawNames.isNull()) {
            names = body.stringList("names");
        }
        String prefix = body.optionalText("prefix");
        Instant olderThan = InputTimestamp.parse("older_than", body.optionalText("older_than"));
        Map<String, Object> json = new LinkedHashMap<>();
        if ((names == null || names.isEmpty()) && prefix == null && olderThan == null) {
            json.put("deleted", 0);
            json.put("result", "Specify 'names', 'prefix', or 'older_than'");
            ctx.json(json);
            return;
        }
        List<String> deleted = memoria.deleteSnapshots(user(ctx), names, prefix, olderThan);
        json.put("deleted", deleted.size());
        json.put("names", deleted);
        json.put("result", "Deleted " + deleted.size() + " snapshot(s): " + String.join(", ", deleted));
        ctx.json(json);
    }

    private void rollback(Context ctx) {
        RollbackResult result = memoria.rollback(user(ctx), ctx.pathParam("name"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", "Rolled back to snapshot '" + result.snapshot() + "'");
        json.put("branch", result.branch());
        json.put("revision", result.revision());
        json.put("safety_snapshot", result.safetySnapshot());
        ctx.json(json);
    }

    // ---- branches

    private void listBranches(Context ctx) {
        List<BranchInfo> branches = memoria.listBranches(user(ctx));
        StringBuilder text = new StringBuilder("Branches:");
        List<Map<String, Object>> items = new ArrayList<>();
        for (BranchInfo info : branches) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", info.branch().name());
            item.put("active", info.active());
            if (!info.branch().ref().isMain()) {
                item.put("created_at", MemoryJson.timestamp(info.branch().createdAt()));
                item.put("source_branch", info.branch().sourceBranch());
                item.put("source_revision", info.branch().sourceRevision());
            }
            items.add(item);
            text.append('\n').append(info.branch().name()).append(info.active() ? " ← active" : "");
        }
        ctx.json(Map.of("branches", items, "result", text.toString()));
    }

    private void createBranch(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        String name = body.requiredString("name");
        Instant fromTime = InputTimestamp.parse("from_timestamp", body.optionalText("from_timestamp"));
        BranchInfo info = memoria.createBranch(user(ctx), name, body.optionalText("from_snapshot"), fromTime);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", "Created branch '" + info.branch().name() + "'");
        json.put("name", info.branch().name());
        json.put("source_branch", info.branch().sourceBranch());
        json.put("source_revision", info.branch().sourceRevision());
        ctx.status(201).json(json);
    }

    private void checkout(Context ctx) {
        String name = ctx.pathParam("name");
        long count = memoria.checkout(user(ctx), name);
        String result = "main".equals(name) ? "Switched to branch 'main'"
                : "Switched to branch '" + name + "'. " + count + " memories on this branch.";
        ctx.json(Map.of("result", result, "branch", name, "memory_count", count));
    }

    private void merge(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        String name = ctx.pathParam("name");
        MergeResult result = memoria.merge(user(ctx), name, MergeStrategy.parse(body.string("strategy")));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("result", "Merged branch '" + name + "' into main (" + result.added() + " new, " + result.replaced()
                + " replaced, " + result.skipped() + " skipped)");
        json.put("added", result.added());
        json.put("replaced", result.replaced());
        json.put("removed", result.removed());
        json.put("skipped", result.skipped());
        json.put("safety_snapshot", result.safetySnapshot());
        ctx.json(json);
    }

    private void diffText(Context ctx) {
        String name = ctx.pathParam("name");
        BranchChanges changes = memoria.diff(user(ctx), name);
        if (changes.isEmpty()) {
            ctx.json(Map.of("result", "No changes in branch '" + name + "' vs main."));
            return;
        }
        StringBuilder text = new StringBuilder("Diff '" + name + "' vs main:");
        changes.added().stream().limit(50).forEach(m -> text.append("\n[new] ").append(id8(m)).append(": ")
                .append(preview(m.content())));
        changes.updated().stream().limit(50).forEach(u -> text.append("\n[modified] ").append(id8(u.oldMemory()))
                .append(" → ").append(id8(u.newMemory())).append(": ").append(preview(u.newMemory().content())));
        changes.removed().stream().limit(50).forEach(m -> text.append("\n[removed] ").append(id8(m)).append(": ")
                .append(preview(m.content())));
        changes.conflicts().stream().limit(50).forEach(c -> text.append("\n[CONFLICT] ").append(id8(c.base()))
                .append(": branch(").append(c.branchSide() == null ? "removed" : preview(c.branchSide().content()))
                .append("), main(").append(c.mainSide() == null ? "removed" : preview(c.mainSide().content())).append(')'));
        changes.behindMain().stream().limit(50).forEach(m -> text.append("\n[behind] ").append(id8(m)).append(": ")
                .append(preview(m.content())));
        ctx.json(Map.of("result", text.toString()));
    }

    private static String id8(Memory m) {
        return m.memoryId().substring(0, 8);
    }

    private static String preview(String content) {
        return content.length() <= 80 ? content : content.substring(0, 80) + "…";
    }

    private void diffItems(Context ctx) {
        int limit = Math.max(1, Math.min(500, Requests.intQuery(ctx, "limit", 100)));
        String name = ctx.pathParam("name");
        BranchChanges changes = memoria.diff(user(ctx), name);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("branch", name);
        json.put("against", "main");
        json.put("added", changes.added().stream().limit(limit).map(VersionRoutes::item).toList());
        json.put("updated", changes.updated().stream().limit(limit).map(u -> {
            Map<String, Object> item = item(u.newMemory());
            item.put("old_memory_id", u.oldMemory().memoryId());
            item.put("old_content", u.oldMemory().content());
            return item;
        }).toList());
        json.put("removed", changes.removed().stream().limit(limit).map(VersionRoutes::item).toList());
        json.put("conflicts", changes.conflicts().stream().limit(limit).map(c -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("memory_id", c.base().memoryId());
            item.put("base_content", c.base().content());
            item.put("branch", side(c.branchSide()));
            item.put("main", side(c.mainSide()));
            return item;
        }).toList());
        json.put("behind_main", changes.behindMain().stream().limit(limit).map(VersionRoutes::item).toList());
        ctx.json(json);
    }

    private static Map<String, Object> item(Memory m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("memory_id", m.memoryId());
        json.put("content", m.content());
        json.put("memory_type", m.memoryType().wireName());
        json.put("author_id", m.authorId());
        return json;
    }

    private static Map<String, Object> side(Memory replacement) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("is_active", replacement == null ? 0 : 1);
        json.put("memory_id", replacement == null ? null : replacement.memoryId());
        json.put("content", replacement == null ? null : replacement.content());
        return json;
    }

    private void apply(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        List<ApplyCommand.Update> updates = new ArrayList<>();
        List<JsonBody> rawUpdates = body.objectList("updates");
        if (rawUpdates != null) {
            for (JsonBody update : rawUpdates) {
                updates.add(new ApplyCommand.Update(update.requiredString("old_id"), update.requiredString("new_id")));
            }
        }
        ApplyResult result = memoria.apply(user(ctx), ctx.pathParam("name"), new ApplyCommand(body.stringList("adds"),
                updates, body.stringList("removes"), body.stringList("accept_branch_conflicts")));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("applied_adds", result.appliedAdds());
        json.put("skipped_adds", result.skippedAdds());
        json.put("applied_updates", result.appliedUpdates());
        json.put("skipped_updates", result.skippedUpdates());
        json.put("applied_removes", result.appliedRemoves());
        json.put("skipped_removes", result.skippedRemoves());
        json.put("applied_conflicts", result.appliedConflicts());
        json.put("skipped_conflicts", result.skippedConflicts());
        json.put("safety_snapshot", result.safetySnapshot());
        ctx.json(json);
    }

    private void pick(Context ctx) {
        PickRequests.Request request = PickRequests.parse(JsonBody.of(ctx, mapper), mapper);
        String source = ctx.pathParam("name");
        if (request.dryRun() != null) {
            ctx.json(PickRequests.previewJson(memoria.previewPick(user(ctx), source, request.command(),
                    request.dryRun()), request.dryRun(), request.selector()));
            return;
        }
        ctx.json(PickRequests.resultJson(memoria.pick(user(ctx), source, request.command())));
    }

    private void deleteBranch(Context ctx) {
        memoria.deleteBranch(user(ctx), ctx.pathParam("name"));
        ctx.status(204);
    }
}
