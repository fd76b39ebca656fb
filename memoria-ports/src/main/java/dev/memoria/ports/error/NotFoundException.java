package dev.memoria.ports.error;

/** A {@link MemoriaException} of kind {@link ErrorKind#NOT_FOUND}. */
public class NotFoundException extends MemoriaException {

    public NotFoundException(String message) {
        super(ErrorKind.NOT_FOUND, "not_found", message);
    }

    public NotFoundException(String code, String message) {
        super(ErrorKind.NOT_FOUND, code, message);
    }

    public NotFoundException(String code, String message, Throwable cause) {
        super(ErrorKind.NOT_FOUND, code, message, cause);
    }
}
