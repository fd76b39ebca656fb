package dev.memoria.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import dev.memoria.ports.in.RetrievalParamsUpdate;
import dev.memoria.ports.in.TuneResult;
import dev.memoria.ports.model.Feedback;
import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.FeedbackSignal;
import dev.memoria.ports.model.RetrievalParams;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/** Feedback on memories and the retrieval parameters it tunes. */
public final class FeedbackRoutes {

    private final Memoria memoria;
    private final ObjectMapper mapper;

    public FeedbackRoutes(Memoria memoria, ObjectMapper mapper) {
        this.memoria = memoria;
        this.mapper = mapper;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/memories/{id}/feedback", this::feedback);
        routes.get("/v1/feedback/stats", this::stats);
        routes.get("/v1/feedback/by-tier", this::byTier);
        routes.get("/v1/retrieval-params", ctx -> ctx.json(paramsJson(Requests.principal(ctx).userId(),
                memoria.params(Requests.principal(ctx).userId()))));
        routes.put("/v1/retrieval-params", this::updateParams);
        routes.post("/v1/retrieval-params/tune", this::tune);
    }

    private void feedback(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        FeedbackSignal signal = FeedbackSignal.parse(body.requiredString("signal"));
        Feedback feedback = memoria.feedback(Requests.caller(ctx), ctx.pathParam("id"), signal, body.string("context"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("feedback_id", feedback.feedbackId());
        json.put("memory_id", feedback.memoryId());
        json.put("signal", feedback.signal().wireName());
        ctx.status(201).json(json);
    }

    private void stats(Context ctx) {
        FeedbackCounts counts = memoria.stats(Requests.principal(ctx).userId());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", counts.total());
        json.put("useful", counts.useful());
        json.put("irrelevant", counts.irrelevant());
        json.put("outdated", counts.outdated());
        json.put("wrong", counts.wrong());
        ctx.json(json);
    }

    private void byTier(Context ctx) {
        var breakdown = memoria.byTier(Requests.principal(ctx).userId()).stream().map(t -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("tier", t.tier().name());
            item.put("signal", t.signal().wireName());
            item.put("count", t.count());
            return item;
        }).toList();
        ctx.json(Map.of("breakdown", breakdown));
    }

    private void updateParams(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper);
        String user = Requests.principal(ctx).userId();
        RetrievalParams updated = memoria.update(user, new RetrievalParamsUpdate(body.number("feedback_weight"),
                body.number("temporal_decay_hours"), body.number("confidence_weight")));
        ctx.json(paramsJson(user, updated));
    }

    private void tune(Context ctx) {
        String user = Requests.principal(ctx).userId();
        TuneResult result = memoria.tune(user);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tuned", result.tuned());
        if (result.tuned()) {
            json.put("old_params", paramsJson(user, result.oldParams()));
            json.put("new_params", paramsJson(user, result.newParams()));
        } else {
            json.put("message", result.message());
            json.put("current_params", paramsJson(user, result.oldParams()));
        }
        ctx.json(json);
    }

    private static Map<String, Object> paramsJson(String user, RetrievalParams params) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", user);
        json.put("feedback_weight", params.feedbackWeight());
        json.put("temporal_decay_hours", params.temporalDecayHours());
        json.put("confidence_weight", params.confidenceWeight());
        return json;
    }
}
