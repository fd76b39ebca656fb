package dev.memoria.ports.out;

import java.util.List;
import java.util.Objects;

/**
 * A chat-completion model. Implementations time out, retry transient failures and throw
 * {@code UnavailableException} when the model cannot answer; what the model says is the caller's to validate.
 */
public interface LlmPort {

    /** The assistant's reply text (may be empty). */
    String complete(Request request);

    /** The model name, for reports. */
    String model();

    record Message(String role, String content) {
        public Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }

        public static Message system(String content) {
            return new Message("system", content);
        }

        public static Message user(String content) {
            return new Message("user", content);
        }
    }

    /** @param json ask for a JSON reply (OpenAI's {@code response_format}) where the endpoint supports it */
    record Request(List<Message> messages, double temperature, int maxTokens, boolean json) {
        public Request {
            messages = List.copyOf(messages);
        }
    }
}
