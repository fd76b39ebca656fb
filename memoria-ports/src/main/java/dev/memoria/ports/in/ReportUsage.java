package dev.memoria.ports.in;

import dev.memoria.ports.model.ApiCall;
import dev.memoria.ports.model.ToolUse;

import java.util.List;

/** Use case: count which routes and agent tools each user calls, and report it. */
public interface ReportUsage {

    /** Counts one handled call; returns at once (the write happens later, in a batch). */
    void recordCall(ApiCall call);

    /** Notes that the user's agent used the named tool just now; returns at once. */
    void recordTool(String userId, String toolName);

    /** The user's tools, most recently used first. */
    List<ToolUse> toolUsage(String userId);

    /** The user's calls over the last {@code days} (1..90) days, by route and by day, plus all-time totals. */
    CallStats callStats(String userId, int days);
}
