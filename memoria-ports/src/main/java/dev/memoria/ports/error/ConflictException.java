package dev.memoria.ports.error;

/** A {@link MemoriaException} of kind {@link ErrorKind#CONFLICT}. */
public class ConflictException extends MemoriaException {

    public ConflictException(String message) {
        super(ErrorKind.CONFLICT, "conflict", message);
    }

    public ConflictException(String code, String message) {
        super(ErrorKind.CONFLICT, code, message);
    }

    public ConflictException(String code, String message, Throwable cause) {
        super(ErrorKind.CONFLICT, code, message, cause);
    }
}
