package dev.memoria.ports.error;

/** A {@link MemoriaException} of kind {@link ErrorKind#FORBIDDEN}. */
public class ForbiddenException extends MemoriaException {

    public ForbiddenException(String message) {
        super(ErrorKind.FORBIDDEN, "forbidden", message);
    }

    public ForbiddenException(String code, String message) {
        super(ErrorKind.FORBIDDEN, code, message);
    }

    public ForbiddenException(String code, String message, Throwable cause) {
        super(ErrorKind.FORBIDDEN, code, message, cause);
    }
}
