package dev.memoria.ports.out;

import dev.memoria.ports.model.ApiCall;
import dev.memoria.ports.model.CallAggregate;
import dev.memoria.ports.model.ToolUse;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Which routes and agent tools each user calls: written in batches off the request path, read by operators. */
public interface UsageLog {

    void recordCalls(List<ApiCall> calls);

    /** Sets the last-use time of each named tool of the user (tool name → time). */
    void touchTools(String userId, Map<String, Instant> lastUsed);

    /** The user's tools, most recently used first. */
    List<ToolUse> tools(String userId);

    /** The user's calls since {@code since} (null: all of them), summed per day and route. */
    List<CallAggregate> aggregate(String userId, Instant since);

    /** The user's newest {@code limit} calls, newest first. */
    List<ApiCall> recent(String userId, int limit);

    /** Removes calls older than {@code before}; returns how many. */
    long prune(Instant before);
}
