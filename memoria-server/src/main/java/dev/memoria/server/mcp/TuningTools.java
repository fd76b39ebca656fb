package dev.memoria.server.mcp;

import dev.memoria.core.Memoria;
import dev.memoria.ports.in.TuneResult;
import dev.memoria.ports.model.RetrievalParams;

import java.util.LinkedHashMap;
import java.util.Map;

/** The hidden operational tools: read and re-tune the per-user retrieval weights. */
final class TuningTools {

    private final Memoria memoria;

    TuningTools(Memoria memoria) {
        this.memoria = memoria;
    }

    Map<String, ToolHandler> handlers() {
        Map<String, ToolHandler> tools = new LinkedHashMap<>();
        tools.put("memory_get_retrieval_params", (user, args) -> ResultTexts.pretty(json(user, memoria.params(user))));
        tools.put("memory_tune_params", (user, args) -> {
            TuneResult result = memoria.tune(user);
            return result.tuned() ? ResultTexts.tuned(json(user, result.oldParams()), json(user, result.newParams()))
                    : result.message();
        });
        return tools;
    }

    static Map<String, Object> json(String user, RetrievalParams params) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", user);
        json.put("feedback_weight", params.feedbackWeight());
        json.put("temporal_decay_hours", params.temporalDecayHours());
        json.put("confidence_weight", params.confidenceWeight());
        return json;
    }
}
