package dev.memoria.core.write;

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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Without an LLM, observation keeps the user's and assistant's messages as they are (T1, confidence 0.7),
 * with the usual dedup; messages containing secrets are skipped rather than failing the whole call.
 */
public final class ObserveService implements ObserveConversation {

    static final String NO_LLM_WARNING = "LLM not configured — storing messages as-is";
    private static final double RAW_MESSAGE_CONFIDENCE = 0.7;

    private final StoreMemory storeMemory;
    private final Clock clock;

    public ObserveService(StoreMemory storeMemory, Clock clock) {
        this.storeMemory = storeMemory;
        this.clock = clock;
    }

    @Override
    public ObserveResult observe(ObserveCommand command) {
        List<Memory> stored = new ArrayList<>();
        Instant base = clock.instant();
        int index = 0;
        for (ChatMessage message : command.messages()) {
            if (message == null || message.content() == null || message.content().isBlank()
                    || !("user".equals(message.role()) || "assistant".equals(message.role()))) {
                continue;
            }
            // Staggered by a millisecond so the conversation's order survives in observed_at.
            Instant observedAt = base.plusMillis(index++);
            try {
                stored.add(storeMemory.store(new StoreCommand(command.caller(), message.content(), MemoryType.SEMANTIC,
                        TrustTier.T1, RAW_MESSAGE_CONFIDENCE, command.sessionId(), command.subjectId(), observedAt,
                        null)));
            } catch (ForbiddenException blocked) {
                // a secret in one message must not lose the rest of the conversation
            }
        }
        return new ObserveResult(stored, NO_LLM_WARNING);
    }
}
