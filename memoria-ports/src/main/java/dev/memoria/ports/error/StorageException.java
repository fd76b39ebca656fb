package dev.memoria.ports.error;

/** A {@link MemoriaException} of kind {@link ErrorKind#INTERNAL}. */
public class StorageException extends MemoriaException {

    public StorageException(String message) {
        super(ErrorKind.INTERNAL, "storage_error", message);
    }

    public StorageException(String code, String message) {
        super(ErrorKind.INTERNAL, code, message);
    }

    public StorageException(String code, String message, Throwable cause) {
        super(ErrorKind.INTERNAL, code, message, cause);
    }
}
