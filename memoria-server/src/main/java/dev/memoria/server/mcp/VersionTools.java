package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.memoria.core.Memoria;
import dev.memoria.ports.in.ApplyCommand;
import dev.memoria.ports.in.ApplyResult;
import dev.memoria.ports.in.BranchChanges;
import dev.memoria.ports.in.BranchInfo;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.InputTimestamp;
import dev.memoria.ports.in.MergeResult;
import dev.memoria.ports.in.MergeStrategy;
import dev.memoria.ports.in.SnapshotInfo;
import dev.memoria.ports.in.SnapshotPage;
import dev.memoria.ports.model.Memory;
import dev.memoria.server.http.JsonBody;
import dev.memoria.server.http.MemoryJson;
import dev.memoria.server.http.PickRequests;

import java.time.Instant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Snapshot and branch tools on the {@link Memoria} facade. */
final class VersionTools {

    static final Set<String> DIFF_ARGS = Set.of("source", "limit");
    static final Set<String> APPLY_ARGS = Set.of("source", "adds", "updates", "removes", "accept_branch_conflicts");
    static final Set<String> PICK_ARGS = Set.of("source", "target", "strategy", "selector", "dry_run");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Memoria memoria;

    VersionTools(Memoria memoria) {
        this.memoria = memoria;
    }

    Map<String, ToolHandler> handlers() {
        Map<String, ToolHandler> tools = new LinkedHashMap<>();
        tools.put("memory_snapshot", this::snapshot);
        tools.put("memory_snapshots", this::snapshots);
        tools.put("memory_snapshot_delete", this::snapshotDelete);
        tools.put("memory_rollback", this::rollback);
        tools.put("memory_branch", this::branch);
        tools.put("memory_branches", this::branches);
        tools.put("memory_checkout", this::checkout);
        tools.put("memory_merge", this::merge);
        tools.put("memory_branch_delete", this::branchDelete);
        tools.put("memory_diff", this::diff);
        tools.put("memory_apply", this::apply);
        tools.put("memory_pick", this::pick);
        return tools;
    }

    private String snapshot(String user, ToolArguments args) {
        SnapshotInfo info = memoria.createSnapshot(Caller.of(user), args.requiredText("name", "name is required"),
                args.text("description"));
        return "Snapshot '" + info.snapshot().name() + "' created at " + MemoryJson.timestamp(info.snapshot().createdAt());
    }

    private String snapshots(String user, ToolArguments args) {
        int limit = args.integer("limit", 20, 1, 500);
        int offset = args.integer("offset", 0, 0, Integer.MAX_VALUE);
        SnapshotPage page = memoria.listSnapshots(user, limit, offset);
        return ResultTexts.snapshots(page.items().stream().map(s -> new ResultTexts.SnapshotLine(s.snapshot().name(),
                MemoryJson.timestamp(s.snapshot().createdAt()))).toList(), (int) page.total());
    }

    private String snapshotDelete(String user, ToolArguments args) {
        List<String> names = args.stringList("names");
        String prefix = args.text("prefix");
        Instant olderThan = InputTimestamp.parse("older_than", args.text("older_than"));
        if (names.isEmpty() && prefix == null && olderThan == null) {
            throw new ToolError("Specify 'names', 'prefix', or 'older_than'");
        }
        return ResultTexts.deletedSnapshots(memoria.deleteSnapshots(user, names.isEmpty() ? null : names, prefix,
                olderThan));
    }

    private String rollback(String user, ToolArguments args) {
        return "Rolled back to snapshot '" + memoria.rollback(user, args.requiredText("name", "name is required"))
                .snapshot() + "'";
    }

    private String branch(String user, ToolArguments args) {
        BranchInfo info = memoria.createBranch(user, args.requiredText("name", "name is required"),
                args.text("from_snapshot"), InputTimestamp.parse("from_timestamp", args.text("from_timestamp")));
        return "Created branch '" + info.branch().name() + "'";
    }

    private String branches(String user, ToolArguments args) {
        return ResultTexts.branches(memoria.listBranches(user).stream()
                .map(b -> new ResultTexts.BranchLine(b.branch().name(), b.active())).toList());
    }

    private String checkout(String user, ToolArguments args) {
        String name = args.requiredText("name", "name is required").trim();
        long count = memoria.checkout(user, name);
        return checkoutText(name, count);
    }

    static String checkoutText(String name, long count) {
        return "main".equals(name) ? "Switched to branch 'main'"
                : "Switched to branch '" + name + "'. " + count + " memories on this branch.";
    }

    private String merge(String user, ToolArguments args) {
        String source = args.requiredText("source", "source is required").trim();
        MergeResult result = memoria.merge(user, source, MergeStrategy.parse(args.text("strategy")));
        return "Merged branch '" + source + "' into main (" + result.added() + " new, " + result.replaced()
                + " replaced, " + result.skipped() + " skipped)";
    }

    private String branchDelete(String user, ToolArguments args) {
        String name = args.requiredText("name", "name is required").trim();
        if ("main".equals(name)) {
            throw new ToolError("Cannot delete main");
        }
        if (!memoria.deleteBranch(user, name)) {
            throw new ToolError("Branch '" + name + "' not found");
        }
        return "Deleted branch '" + name + "'";
    }

    private String diff(String user, ToolArguments args) {
        args.rejectUnknown(DIFF_ARGS);
        String source = args.requiredText("source", "source is required").trim();
        int limit = args.integer("limit", 50, 1, 500);
        return diffText(source, memoria.diff(user, source), limit);
    }

    static String diffText(String name, BranchChanges changes, int limit) {
        if (changes.isEmpty()) {
            return "No changes in branch '" + name + "' vs main.";
        }
        StringBuilder text = new StringBuilder("Diff '" + name + "' vs main:");
        changes.added().stream().limit(limit).forEach(m -> text.append("\n[new] ").append(id8(m)).append(": ")
                .append(preview(m.content())));
        changes.updated().stream().limit(limit).forEach(u -> text.append("\n[modified] ").append(id8(u.oldMemory()))
                .append(" → ").append(id8(u.newMemory())).append(": ").append(preview(u.newMemory().content())));
        changes.removed().stream().limit(limit).forEach(m -> text.append("\n[removed] ").append(id8(m)).append(": ")
                .append(preview(m.content())));
        changes.conflicts().stream().limit(limit).forEach(c -> text.append("\n[CONFLICT] ").append(id8(c.base()))
                .append(": branch(").append(c.branchSide() == null ? "removed" : preview(c.branchSide().content()))
                .append("), main(").append(c.mainSide() == null ? "removed" : preview(c.mainSide().content()))
                .append(')'));
        changes.behindMain().stream().limit(limit).forEach(m -> text.append("\n[behind] ").append(id8(m)).append(": ")
                .append(preview(m.content())));
        return text.toString();
    }

    private static String id8(Memory m) {
        return m.memoryId().length() <= 8 ? m.memoryId() : m.memoryId().substring(0, 8);
    }

    private static String preview(String content) {
        return content.length() <= 80 ? content : content.substring(0, 80) + "…";
    }

    private String apply(String user, ToolArguments args) {
        args.rejectUnknown(APPLY_ARGS);
        String source = args.requiredText("source", "source is required").trim();
        ApplyCommand command = applyCommand(args);
        if (command.adds().isEmpty() && command.updates().isEmpty() && command.removes().isEmpty()
                && command.acceptConflicts().isEmpty()) {
            return nothingToApply();
        }
        ApplyResult result = memoria.apply(user, source, command);
        return ResultTexts.applied(source, result.appliedAdds().size(), result.appliedUpdates().size(),
                result.appliedRemoves().size(), result.appliedConflicts().size());
    }

    /** The arguments are the REST body plus {@code source}, so they go through the same parser and limits. */
    private String pick(String user, ToolArguments args) {
        args.rejectUnknown(PICK_ARGS);
        String source = args.requiredText("source", "source is required").trim();
        ObjectNode body = MAPPER.valueToTree(args.asMap());
        body.remove("source");
        PickRequests.Request request = PickRequests.parse(JsonBody.wrap(body, MAPPER), MAPPER);
        if (request.dryRun() != null) {
            return ResultTexts.pretty(PickRequests.previewJson(memoria.previewPick(user, source, request.command(),
                    request.dryRun()), request.dryRun(), request.selector()));
        }
        return PickRequests.resultText(memoria.pick(user, source, request.command()));
    }

    static String nothingToApply() {
        return "Nothing to apply. Pass adds, updates, removes or accept_branch_conflicts with ids from memory_diff.";
    }

    static ApplyCommand applyCommand(ToolArguments args) {
        List<ApplyCommand.Update> updates = new ArrayList<>();
        List<ToolArguments> rawUpdates = args.objectList("updates");
        if (rawUpdates != null) {
            for (ToolArguments update : rawUpdates) {
                updates.add(new ApplyCommand.Update(
                        update.requiredText("old_id", "each update needs old_id and new_id"),
                        update.requiredText("new_id", "each update needs old_id and new_id")));
            }
        }
        return new ApplyCommand(args.stringList("adds"), updates, args.stringList("removes"),
                args.stringList("accept_branch_conflicts"));
    }
}
