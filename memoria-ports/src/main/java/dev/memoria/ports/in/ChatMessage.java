package dev.memoria.ports.in;

/** One message of a conversation an agent reports. */
public record ChatMessage(String role, String content) {
}
