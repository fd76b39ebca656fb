package dev.memoria.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.ChatMessage;
import dev.memoria.ports.in.ObserveCommand;
import dev.memoria.ports.in.ObserveResult;
import dev.memoria.ports.in.PurgeCommand;
import dev.memoria.ports.in.PurgeResult;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.Memory;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Routes that create, correct and forget memories. */
public final class MemoryWriteRoutes {

    private final Memoria memoria;
    private final ObjectMapper mapper;
    private final RetrievalRequests retrievalRequests;

    public MemoryWriteRoutes(Memoria memoria, ObjectMapper mapper) {
        this.memoria = memoria;
        this.mapper = mapper;
        this.retrievalRequests = new RetrievalRequests(mapper);
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/memories", this::store);
        routes.post("/v1/memories/batch", this::storeBatch);
        routes.put("/v1/memories/{id}/correct", this::correctById);
        routes.post("/v1/memories/correct", this::correctByQuery);
        routes.delete("/v1/memories/{id}", this::delete);
        routes.post("/v1/memories/purge", this::purge);
        routes.post("/v1/observe", this::observe);
    }

    private void store(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        Caller caller = Requests.caller(ctx, body.string("branch"));
        Memory memory = memoria.store(storeCommand(caller, body, null));
        ctx.status(201).json(MemoryJson.of(memory));
    }

    private static StoreCommand storeCommand(Caller caller, JsonBody body, String defaultSubject) {
        String subject = body.has("subject_id") ? body.string("subject_id") : defaultSubject;
        return new StoreCommand(caller, body.requiredString("content"), body.memoryType("memory_type"),
                body.trustTier("trust_tier"), body.number("initial_confidence"), body.string("session_id"),
                subject, body.timestamp("observed_at"), body.object("extra_metadata"));
    }

    private void storeBatch(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        String branch = body.optionalText("branch");
        List<JsonBody> items = body.objectList("memories");
        if (items == null) {
            throw new InvalidInputException("missing_field", "missing field `memories`");
        }
        if (items.size() > dev.memoria.core.write.StoreMemoryService.MAX_BATCH) {
            throw new InvalidInputException("batch_too_large", "batch exceeds 100 items");
        }
        Caller caller = Requests.caller(ctx, branch);
        String batchSubject = body.string("subject_id");
        List<StoreCommand> commands = new ArrayList<>(items.size());
        for (JsonBody item : items) {
            String itemBranch = item.optionalText("branch");
            if (itemBranch != null && !Objects.equals(itemBranch, branch)) {
                throw new InvalidInputException("branch_mismatch", "per-memory branch in batch must match the batch branch");
            }
            commands.add(storeCommand(caller, item, batchSubject));
        }
        List<Memory> stored = memoria.storeBatch(caller, commands);
        ctx.status(201).json(stored.stream().map(MemoryJson::of).toList());
    }

    private void correctById(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        Caller caller = Requests.caller(ctx, body.string("branch"));
        Memory corrected = memoria.correct(caller, ctx.pathParam("id"), body.requiredString("new_content"));
        ctx.json(MemoryJson.of(corrected));
    }

    private void correctByQuery(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        String newContent = body.requiredString("new_content");
        Memory corrected = memoria.correctByQuery(retrievalRequests.query(ctx, body, 1), newContent);
        ctx.json(MemoryJson.of(corrected));
    }

    private void delete(Context ctx) {
        String snapshot = memoria.delete(Requests.caller(ctx), ctx.pathParam("id"));
        ctx.header("X-Memoria-Safety-Snapshot", snapshot);
        ctx.status(204);
    }

    private void purge(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        Caller caller = Requests.caller(ctx, body.string("branch"));
        List<String> ids = body.stringList("memory_ids");
        PurgeResult result = memoria.purge(new PurgeCommand(caller, ids, body.string("topic"), body.string("session_id"),
                body.memoryTypes("memory_types")));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("purged", result.purged());
        if (result.safetySnapshot() != null) {
            json.put("snapshot_name", result.safetySnapshot());
            json.put("safety_snapshot", result.safetySnapshot());
        }
        if (result.warning() != null) {
            json.put("warning", result.warning());
        }
        ctx.json(json);
    }

    private void observe(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        Caller caller = Requests.caller(ctx, body.string("branch"));
        List<JsonBody> messages = body.objectList("messages");
        if (messages == null) {
            throw new InvalidInputException("missing_field", "missing field `messages`");
        }
        List<ChatMessage> chat = new ArrayList<>();
        for (JsonBody message : messages) {
            chat.add(new ChatMessage(message.string("role"),
                    message.raw("content") != null && message.raw("content").isTextual() ? message.string("content") : null));
        }
        ObserveResult result = memoria.observe(new ObserveCommand(caller, chat, body.string("session_id"),
                body.string("subject_id")));
        ctx.json(MemoryJson.observed(result));
    }
}
