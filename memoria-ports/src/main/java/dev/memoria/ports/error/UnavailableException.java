package dev.memoria.ports.error;

/** A {@link MemoriaException} of kind {@link ErrorKind#UNAVAILABLE}. */
public class UnavailableException extends MemoriaException {

    public UnavailableException(String message) {
        super(ErrorKind.UNAVAILABLE, "unavailable", message);
    }

    public UnavailableException(String code, String message) {
        super(ErrorKind.UNAVAILABLE, code, message);
    }

    public UnavailableException(String code, String message, Throwable cause) {
        super(ErrorKind.UNAVAILABLE, code, message, cause);
    }
}
