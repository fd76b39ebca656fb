package dev.memoria.ports.error;

/** A {@link MemoriaException} of kind {@link ErrorKind#INVALID}. */
public class InvalidInputException extends MemoriaException {

    public InvalidInputException(String message) {
        super(ErrorKind.INVALID, "invalid_input", message);
    }

    public InvalidInputException(String code, String message) {
        super(ErrorKind.INVALID, code, message);
    }

    public InvalidInputException(String code, String message, Throwable cause) {
        super(ErrorKind.INVALID, code, message, cause);
    }
}
