package dev.memoria.core.llm;

/** The model's reply was not the JSON the prompt asked for. */
public final class MalformedReplyException extends RuntimeException {

    public MalformedReplyException(String message) {
        super(message);
    }
}
