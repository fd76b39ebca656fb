package dev.memoria.ports.in;

/** Use case: turn a conversation into memories. */
public interface ObserveConversation {

    ObserveResult observe(ObserveCommand command);
}
