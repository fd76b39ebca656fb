package dev.memoria.ports.error;

/**
 * The one unchecked exception root of Memoria. Every failure a caller can act on is a subclass whose
 * {@link #kind()} says what went wrong; the server maps kinds to HTTP statuses in one place.
 */
public class MemoriaException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;

    public MemoriaException(ErrorKind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public MemoriaException(ErrorKind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public ErrorKind kind() {
        return kind;
    }

    /** Stable, machine-readable identifier of the failure, e.g. {@code memory_not_found}. */
    public String code() {
        return code;
    }
}
