package dev.memoria.core.llm;

import dev.memoria.ports.error.ForbiddenException;
import dev.memoria.ports.in.ChatMessage;
import dev.memoria.ports.in.ObserveCommand;
import dev.memoria.ports.in.ObserveConversation;
import dev.memoria.ports.in.ObserveResult;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.in.StoreMemory;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.LlmPort;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Observation with a model: the conversation's last messages go to the model, which returns the durable facts
 * in it; they are stored as T3 (inferred) memories with the usual dedup. If the model fails or answers
 * nonsense, the conversation is stored as-is by the raw path instead, so an observation is never lost.
 */
public final class ExtractingObserveService implements ObserveConversation {

    private static final Logger LOG = Logger.getLogger(ExtractingObserveService.class.getName());
    private static final int LAST_MESSAGES = 20;
    private static final int MESSAGE_CHARS = 500;
    private static final int CONVERSATION_BYTES = 6000;

    private final LlmPort llm;
    private final StoreMemory storeMemory;
    private final ObserveConversation rawPath;
    private final Clock clock;

    public ExtractingObserveService(LlmPort llm, StoreMemory storeMemory, ObserveConversation rawPath, Clock clock) {
        this.llm = llm;
        this.storeMemory = storeMemory;
        this.rawPath = rawPath;
        this.clock = clock;
    }

    @Override
    public ObserveResult observe(ObserveCommand command) {
        List<Map<String, Object>> items;
        try {
            String reply = llm.complete(new LlmPort.Request(List.of(LlmPort.Message.system(Prompts.OBSERVE),
                    LlmPort.Message.user(conversation(command.messages()))), 0.0, 2048, true));
            items = ModelReplies.objects(reply);
        } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "LLM observe-extraction failed, storing the messages as-is: {0}", failure.getMessage());
            return rawPath.observe(command);
        }
        List<Memory> stored = new ArrayList<>();
        Instant base = clock.instant();
        int index = 0;
        for (Map<String, Object> item : items) {
            String content = ModelReplies.text(item, "content");
            if (content.isBlank()) {
                continue;
            }
            try {
                stored.add(storeMemory.store(new StoreCommand(command.caller(), content, typeOf(item), TrustTier.T3,
                        null, command.sessionId(), command.subjectId(), base.plusMillis(index++), null)));
            } catch (ForbiddenException blocked) {
                // a secret the model repeated is skipped, not stored
            }
        }
        return new ObserveResult(stored, null);
    }

    static MemoryType typeOf(Map<String, Object> item) {
        return switch (ModelReplies.text(item, "type")) {
            case "profile" -> MemoryType.PROFILE;
            case "procedural" -> MemoryType.PROCEDURAL;
            case "episodic" -> MemoryType.EPISODIC;
            default -> MemoryType.SEMANTIC;
        };
    }

    private static String conversation(List<ChatMessage> messages) {
        StringBuilder text = new StringBuilder();
        List<ChatMessage> last = messages.subList(Math.max(0, messages.size() - LAST_MESSAGES), messages.size());
        for (ChatMessage m : last) {
            if (m == null || m.content() == null || m.content().isBlank()) {
                continue;
            }
            String content = m.content().length() > MESSAGE_CHARS ? m.content().substring(0, MESSAGE_CHARS) : m.content();
            text.append('[').append(m.role()).append("]: ").append(content).append('\n');
        }
        return ModelReplies.lastUtf8(text.toString(), CONVERSATION_BYTES);
    }
}
