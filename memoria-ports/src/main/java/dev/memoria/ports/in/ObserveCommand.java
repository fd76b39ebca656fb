package dev.memoria.ports.in;

import dev.memoria.ports.error.InvalidInputException;

import java.util.List;

/** A conversation to extract memories from. */
public record ObserveCommand(Caller caller, List<ChatMessage> messages, String sessionId, String subjectId) {

    /** A conversation outside any session and subject. */
    public static ObserveCommand of(Caller caller, List<ChatMessage> messages) {
        return new ObserveCommand(caller, messages, null, null);
    }

    public ObserveCommand {
        if (messages == null) {
            throw new InvalidInputException("messages_missing", "messages is required");
        }
        if (messages.size() > 1000) {
            throw new InvalidInputException("too_many_messages", "messages exceeds 1000 entries");
        }
        messages = List.copyOf(messages);
        sessionId = StoreCommand.normaliseSession(sessionId);
        subjectId = StoreCommand.normaliseSubject(subjectId);
    }
}
