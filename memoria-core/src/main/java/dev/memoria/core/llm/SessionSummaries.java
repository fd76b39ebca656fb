package dev.memoria.core.llm;

import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.error.UnavailableException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.in.StoreMemory;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.LlmPort;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.core.branch.BranchResolver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Session summaries: the model condenses a session's memories into one episodic memory ({@code full}: topic,
 * action, outcome; {@code lightweight}: 3-5 points). Without a model there is no summary (503).
 */
public final class SessionSummaries {

    public static final String NO_LLM = "LLM not configured — set LLM_API_KEY to enable episodic memory";
    private static final int MAX_MEMORIES = 200;
    private static final int MEMORY_BYTES = 500;

    /** What a summary produced; {@code metadata} is returned to the caller, not stored. */
    public record Summary(String memoryId, String content, boolean truncated, Map<String, Object> metadata,
                          String mode) {
    }

    private final LlmPort llm; // null when not configured
    private final MemoryStore store;
    private final BranchResolver branches;
    private final StoreMemory storeMemory;

    public SessionSummaries(LlmPort llm, MemoryStore store, BranchResolver branches, StoreMemory storeMemory) {
        this.llm = llm;
        this.store = store;
        this.branches = branches;
        this.storeMemory = storeMemory;
    }

    public boolean available() {
        return llm != null;
    }

    /** Fails fast (before a task is created) when there is no model. */
    public void requireAvailable() {
        if (llm == null) {
            throw new UnavailableException("llm_not_configured", NO_LLM);
        }
    }

    public Summary summarize(Caller caller, String sessionId, String mode, List<String> focusTopics, String subjectId) {
        requireAvailable();
        boolean lightweight = "lightweight".equals(mode);
        BranchRef branch = branches.resolve(caller);
        MemoryFilter filter = MemoryFilter.ALL.withSession(SessionFilter.exactly(sessionId));
        if (subjectId != null) {
            filter = filter.withSubject(subjectId);
        }
        List<Memory> memories = new ArrayList<>();
        store.forEachActive(branch, ReadPoint.HEAD, filter, memories::add);
        if (memories.isEmpty()) {
            throw new NotFoundException("session_empty", "No memories found for session " + sessionId);
        }
        memories.sort(Comparator.comparing(Memory::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Memory::memoryId));
        boolean truncated = memories.size() > MAX_MEMORIES;
        StringBuilder text = new StringBuilder();
        for (Memory m : memories.subList(0, Math.min(MAX_MEMORIES, memories.size()))) {
            text.append("user: [").append(m.memoryType().wireName()).append("] ")
                    .append(ModelReplies.truncateUtf8(m.content(), MEMORY_BYTES)).append('\n');
        }
        String prompt = String.format(lightweight ? Prompts.SUMMARY_LIGHT : Prompts.SUMMARY_FULL,
                Prompts.focus(focusTopics), text);
        Map<String, Object> reply;
        try {
            reply = ModelReplies.object(llm.complete(new LlmPort.Request(List.of(LlmPort.Message.user(prompt)), 0.3,
                    lightweight ? 300 : 500, true)));
        } catch (MalformedReplyException e) {
            throw new UnavailableException("llm_invalid_reply", "The LLM returned an invalid summary: " + e.getMessage());
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        String content;
        if (lightweight) {
            List<String> points = new ArrayList<>();
            if (reply.get("points") instanceof List<?> list) {
                for (Object p : list) {
                    if (p instanceof String s && !s.isBlank()) {
                        points.add(s.trim());
                    }
                }
            }
            if (points.isEmpty()) {
                throw new UnavailableException("llm_invalid_reply", "The LLM returned no summary points");
            }
            content = "Session Highlights:\n• " + String.join("\n• ", points);
            metadata.put("mode", "lightweight");
            metadata.put("points", points);
        } else {
            String topic = ModelReplies.text(reply, "topic");
            if (topic.isBlank()) {
                throw new UnavailableException("llm_invalid_reply", "The LLM returned a summary without a topic");
            }
            String action = ModelReplies.text(reply, "action");
            String outcome = ModelReplies.text(reply, "outcome");
            content = "Session Summary: " + topic + "\n\nActions: " + action + "\n\nOutcome: " + outcome;
            metadata.put("mode", "full");
            metadata.put("topic", topic);
            metadata.put("action", action);
            metadata.put("outcome", outcome);
            metadata.put("session_id", sessionId);
        }
        if (content.length() > 30_000) {
            throw new InvalidInputException("summary_too_long", "The generated summary is too long to store");
        }
        Memory stored = storeMemory.store(new StoreCommand(caller, content, MemoryType.EPISODIC, TrustTier.T1, null,
                sessionId, subjectId, null, null));
        return new Summary(stored.memoryId(), content, truncated, metadata, lightweight ? "lightweight" : "full");
    }
}
