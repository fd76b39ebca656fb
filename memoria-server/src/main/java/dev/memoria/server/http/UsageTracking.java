package dev.memoria.server.http;

import dev.memoria.ports.in.ReportUsage;
import dev.memoria.ports.model.ApiCall;
import dev.memoria.server.auth.Principal;
import io.javalin.http.Context;

import java.time.Instant;

/**
 * Feeds usage analytics from every authenticated REST request: the route template (never the raw path, whose ids
 * would make every call its own row), status and latency, and the agent named by {@code X-Memoria-Tool} (or
 * {@code X-Tool-Name}). Recording only queues; the write happens later in a batch. The console sends
 * {@code X-Memoria-Source: dashboard} so that browsing it is not counted as the user's own use; {@code /mcp} is
 * counted per tool call by the MCP endpoint instead.
 */
final class UsageTracking {

    private static final String START = "memoria.usage.start";

    private final ReportUsage usage;

    UsageTracking(ReportUsage usage) {
        this.usage = usage;
    }

    void started(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    void finished(Context ctx) {
        Principal principal = ctx.attribute(Requests.PRINCIPAL);
        Long start = ctx.attribute(START);
        var endpoint = ctx.endpoints().lastHttpEndpoint();
        if (principal == null || start == null || endpoint == null || endpoint.path.equals("/mcp")) {
            return;
        }
        String tool = ctx.header("X-Memoria-Tool");
        if (tool == null || tool.isBlank()) {
            tool = ctx.header("X-Tool-Name");
        }
        if (tool != null && !tool.isBlank()) {
            usage.recordTool(principal.userId(), tool);
        }
        if (!"dashboard".equals(ctx.header("X-Memoria-Source"))) {
            usage.recordCall(new ApiCall(principal.userId(), ctx.method().name(), endpoint.path, ctx.statusCode(),
                    false, (System.nanoTime() - start) / 1_000_000, Instant.now()));
        }
    }
}
