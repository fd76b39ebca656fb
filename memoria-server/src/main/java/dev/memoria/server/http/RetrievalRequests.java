package dev.memoria.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.ExplainLevel;
import dev.memoria.ports.in.RetrieveQuery;
import io.javalin.http.Context;

/** Reads the retrieval fields shared by retrieve, search and correct-by-query. */
final class RetrievalRequests {

    private final ObjectMapper mapper;

    RetrievalRequests(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    RetrieveQuery query(Context ctx, JsonBody body, int defaultTopK) {
        Caller caller = Requests.caller(ctx, body.string("branch"));
        String sessionId = body.optionalText("session_id");
        String scope = body.string("session_scope");
        boolean sessionOnly = false;
        if (scope != null) {
            if (!scope.equals("prefer") && !scope.equals("only")) {
                throw new InvalidInputException("invalid_session_scope",
                        "Invalid session_scope '" + scope + "'. Use 'prefer' or 'only'.");
            }
            if (sessionId == null) {
                throw new InvalidInputException("session_required", "session_id is required when session_scope is set");
            }
            sessionOnly = scope.equals("only");
        }
        Integer topK = body.integer("top_k");
        if (topK == null && body.has("limit")) {
            topK = body.integer("limit");
        }
        return new RetrieveQuery(caller, body.requiredString("query"), topK == null ? defaultTopK : topK, sessionId,
                sessionOnly, body.string("subject_id"), body.memoryTypes("memory_types"), explainLevel(body),
                body.optionalText("as_of_snapshot"), body.timestamp("as_of"));
    }

    static ExplainLevel explainLevel(JsonBody body) {
        JsonNode value = body.raw("explain");
        if (value == null) {
            return ExplainLevel.NONE;
        }
        if (value.isNull()) {
            throw new InvalidInputException("invalid_field", "`explain` must be a boolean or a string");
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? ExplainLevel.BASIC : ExplainLevel.NONE;
        }
        if (value.isTextual()) {
            return switch (value.textValue()) {
                case "basic" -> ExplainLevel.BASIC;
                case "verbose" -> ExplainLevel.VERBOSE;
                case "analyze" -> ExplainLevel.ANALYZE;
                default -> ExplainLevel.NONE;
            };
        }
        throw new InvalidInputException("invalid_field", "`explain` must be a boolean or a string");
    }
}
