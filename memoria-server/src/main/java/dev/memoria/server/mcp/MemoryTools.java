package dev.memoria.server.mcp;

import dev.memoria.core.Memoria;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.AsOf;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.ChatMessage;
import dev.memoria.ports.in.ExplainLevel;
import dev.memoria.ports.in.ObserveCommand;
import dev.memoria.ports.in.ObserveResult;
import dev.memoria.ports.in.Profile;
import dev.memoria.ports.in.PurgeCommand;
import dev.memoria.ports.in.PurgeResult;
import dev.memoria.ports.in.RetrievalResult;
import dev.memoria.ports.in.RetrieveQuery;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.Feedback;
import dev.memoria.ports.model.FeedbackSignal;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.server.http.ExplainJson;
import dev.memoria.server.http.MemoryJson;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The core memory tools, run directly on the {@link Memoria} facade (HTTP endpoint and embedded stdio). */
final class MemoryTools {

    private final Memoria memoria;

    MemoryTools(Memoria memoria) {
        this.memoria = memoria;
    }

    Map<String, ToolHandler> handlers() {
        Map<String, ToolHandler> tools = new LinkedHashMap<>();
        tools.put("memory_store", this::store);
        tools.put("memory_retrieve", (user, args) -> retrieve(user, args, 5));
        tools.put("memory_search", (user, args) -> retrieve(user, args, 10));
        tools.put("memory_correct", this::correct);
        tools.put("memory_purge", this::purge);
        tools.put("memory_profile", this::profile);
        tools.put("memory_capabilities", (user, args) -> Capabilities.TEXT);
        tools.put("memory_list", this::list);
        tools.put("memory_feedback", this::feedback);
        tools.put("memory_observe", this::observe);
        return tools;
    }

    private String store(String user, ToolArguments args) {
        String content = args.requiredText("content", "content is required");
        Caller caller = new Caller(user, args.text("branch"));
        Memory memory = memoria.store(new StoreCommand(caller, content, memoryType(args.text("memory_type")),
                trustTier(args.text("trust_tier")), null, args.text("session_id"), args.text("subject_id"), null,
                args.object("extra_metadata")));
        return ResultTexts.stored(memory.memoryId(), memory.content());
    }

    private String retrieve(String user, ToolArguments args, int defaultTopK) {
        RetrieveQuery query = retrieveQuery(user, args, args.requiredText("query", "query is required"), defaultTopK);
        RetrievalResult result = memoria.retrieve(query);
        String lines = ResultTexts.memoryLines(result.memories().stream().map(s -> line(s.memory())).toList(),
                ResultTexts.NO_RELEVANT);
        if (query.explain() == ExplainLevel.NONE || result.explain() == null) {
            return lines;
        }
        return ResultTexts.withExplain(lines, ExplainJson.of(result.explain()));
    }

    /** The retrieval arguments shared by retrieve, search and correct-by-query. */
    static RetrieveQuery retrieveQuery(String user, ToolArguments args, String text, int defaultTopK) {
        String sessionId = args.text("session_id");
        String scope = args.text("session_scope");
        if (scope != null && !scope.equals("prefer") && !scope.equals("only")) {
            throw new ToolError("Invalid session_scope '" + scope + "'. Use 'prefer' or 'only'.");
        }
        if (scope != null && sessionId == null) {
            throw new ToolError("session_id is required when session_scope is set");
        }
        int topK = args.integer("top_k", defaultTopK);
        return new RetrieveQuery(new Caller(user, args.text("branch")), text, topK, sessionId, "only".equals(scope),
                args.text("subject_id"), memoryTypes(args), explainLevel(args.raw("explain")), null, null);
    }

    static ExplainLevel explainLevel(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return ExplainLevel.NONE;
        }
        if (Boolean.TRUE.equals(value)) {
            return ExplainLevel.BASIC;
        }
        if (value instanceof String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "basic" -> ExplainLevel.BASIC;
                case "verbose" -> ExplainLevel.VERBOSE;
                case "analyze" -> ExplainLevel.ANALYZE;
                default -> ExplainLevel.NONE;
            };
        }
        throw new ToolError("`explain` must be a boolean or one of basic, verbose, analyze");
    }

    private String correct(String user, ToolArguments args) {
        String newContent = args.requiredText("new_content", "new_content is required");
        String memoryId = args.text("memory_id");
        Memory corrected;
        if (memoryId != null) {
            corrected = memoria.correct(new Caller(user, args.text("branch")), memoryId.trim(), newContent);
        } else {
            String query = args.text("query");
            if (query == null) {
                throw new ToolError("Provide memory_id or query");
            }
            try {
                corrected = memoria.correctByQuery(retrieveQuery(user, args, query, 1), newContent);
            } catch (NotFoundException e) {
                throw new ToolError("No matching memory found for query");
            }
        }
        return ResultTexts.corrected(corrected.memoryId(), corrected.content());
    }

    private String purge(String user, ToolArguments args) {
        List<String> ids = args.stringList("memory_id");
        if (ids.isEmpty()) {
            ids = args.stringList("memory_ids");
        }
        // the "only one selector" rule and its message are PurgeCommand's, as over REST
        PurgeCommand command = new PurgeCommand(new Caller(user, args.text("branch")), ids, args.text("topic"),
                args.text("session_id"), memoryTypes(args));
        if (command.isEmpty()) {
            // REST answers an empty purge with purged=0 (as the reference does); a tool call says what is missing
            throw new ToolError("Provide memory_id, topic, or session_id");
        }
        PurgeResult result = memoria.purge(command);
        return ResultTexts.purged(result.purged(), command.topic(), command.sessionId(),
                result.safetySnapshot(), result.warning());
    }

    private String profile(String user, ToolArguments args) {
        Profile profile = memoria.profile(new Caller(user, args.text("branch")), args.text("subject_id"));
        return profile.profile() == null || profile.profile().isBlank() ? ResultTexts.NO_PROFILE : profile.profile();
    }

    private String list(String user, ToolArguments args) {
        int limit = args.integer("limit", 20, 1, 500);
        MemoryFilter filter = MemoryFilter.ALL;
        String type = args.text("memory_type");
        if (type != null) {
            filter = filter.withTypes(Set.of(MemoryType.parse(type.trim())));
        }
        String session = args.text("session_id");
        if (session != null) {
            filter = filter.withSession(SessionFilter.exactly(session));
        }
        String subject = args.text("subject_id");
        if (subject != null) {
            filter = filter.withSubject(subject.trim());
        }
        String tier = args.text("trust_tier");
        if (tier != null) {
            filter = filter.withTrustTier(TrustTier.parse(tier.trim()));
        }
        MemoryPage page = memoria.list(new Caller(user, args.text("branch")), filter, PageRequest.first(limit),
                AsOf.NOW);
        return ResultTexts.memoryLines(page.items().stream().map(MemoryTools::line).toList(), ResultTexts.NO_MEMORIES);
    }

    private String feedback(String user, ToolArguments args) {
        String memoryId = args.requiredText("memory_id", "memory_id is required").trim();
        FeedbackSignal signal = FeedbackSignal.parse(args.requiredText("signal",
                "signal is required: one of useful, irrelevant, outdated, wrong").trim());
        Feedback feedback = memoria.feedback(Caller.of(user), memoryId, signal, args.string("context"));
        return ResultTexts.feedback(feedback.memoryId(), feedback.signal().wireName(), feedback.feedbackId());
    }

    private String observe(String user, ToolArguments args) {
        List<ToolArguments> messages = args.objectList("messages");
        if (messages == null) {
            throw new ToolError("messages is required: an array of {role, content}");
        }
        List<ChatMessage> chat = new ArrayList<>();
        for (ToolArguments message : messages) {
            chat.add(new ChatMessage(message.string("role"), message.string("content")));
        }
        ObserveResult result = memoria.observe(new ObserveCommand(new Caller(user, args.text("branch")), chat,
                args.text("session_id"), args.text("subject_id")));
        return ResultTexts.pretty(MemoryJson.observed(result));
    }

    static ResultTexts.MemoryLine line(Memory m) {
        return new ResultTexts.MemoryLine(m.memoryId(), m.memoryType().wireName(), m.content(), m.extraMetadata());
    }

    private static MemoryType memoryType(String value) {
        return value == null ? null : MemoryType.parse(value.trim());
    }

    private static TrustTier trustTier(String value) {
        return value == null ? null : TrustTier.parse(value.trim());
    }

    private static Set<MemoryType> memoryTypes(ToolArguments args) {
        Set<MemoryType> types = new LinkedHashSet<>();
        for (String value : args.stringList("memory_types")) {
            types.add(MemoryType.parse(value));
        }
        return types;
    }
}
