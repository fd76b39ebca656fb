package dev.memoria.server.governance;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import dev.memoria.core.llm.SessionSummaries;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.model.AsyncTask;
import dev.memoria.server.auth.Principal;
import dev.memoria.server.http.JsonBody;
import dev.memoria.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /v1/sessions/{id}/summary} (sync or as an async task) and {@code GET /v1/tasks/{id}}. */
public final class SessionTaskRoutes {

    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final Memoria memoria;
    private final ObjectMapper mapper;

    public SessionTaskRoutes(Memoria memoria, ObjectMapper mapper) {
        this.memoria = memoria;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/sessions/{session_id}/summary", this::summary);
        routes.get("/v1/tasks/{task_id}", this::task);
    }

    private void summary(Context ctx) {
        JsonBody body = OptionalBody.of(ctx, mapper);
        SessionSummaries summaries = memoria.sessionSummaries();
        summaries.requireAvailable();
        String sessionId = ctx.pathParam("session_id");
        String mode = "lightweight".equals(body.optionalText("mode")) ? "lightweight" : "full";
        List<String> focus = body.stringList("focus_topics");
        String subject = body.optionalText("subject_id");
        Caller caller = Requests.caller(ctx);
        if (OptionalBody.flag(body, "sync")) {
            SessionSummaries.Summary summary = summaries.summarize(caller, sessionId, mode, focus, subject);
            ctx.json(summaryJson(summary.memoryId(), null, summary.content(), summary.truncated(), summary.metadata(),
                    mode));
            return;
        }
        String taskId = memoria.tasks().submit(caller.userId(), "session_summary", () -> {
            SessionSummaries.Summary summary = summaries.summarize(caller, sessionId, mode, focus, subject);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("memory_id", summary.memoryId());
            result.put("content", summary.content());
            result.put("truncated", summary.truncated());
            result.put("metadata", summary.metadata());
            return result;
        });
        ctx.json(summaryJson(null, taskId, null, false, null, mode));
    }

    private static Map<String, Object> summaryJson(String memoryId, String taskId, String content, boolean truncated,
                                                   Map<String, Object> metadata, String mode) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("memory_id", memoryId);
        json.put("task_id", taskId);
        json.put("content", content);
        json.put("truncated", truncated);
        json.put("metadata", metadata);
        json.put("mode", mode);
        return json;
    }

    private void task(Context ctx) {
        Principal principal = Requests.principal(ctx);
        AsyncTask task = memoria.tasks().get(ctx.pathParam("task_id"), principal.userId(), principal.master());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task_id", task.taskId());
        json.put("status", task.status().wireName());
        json.put("kind", task.kind());
        json.put("instance_id", task.instanceId());
        json.put("created_at", task.createdAt() == null ? null : NAIVE.format(task.createdAt()));
        json.put("updated_at", task.updatedAt() == null ? null : NAIVE.format(task.updatedAt()));
        json.put("result", task.result());
        json.put("error", task.error());
        ctx.json(json);
    }
}
