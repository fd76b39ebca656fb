package dev.memoria.ports.error;

/** A {@link MemoriaException} of kind {@link ErrorKind#CONFIGURATION}. */
public class ConfigurationException extends MemoriaException {

    public ConfigurationException(String message) {
        super(ErrorKind.CONFIGURATION, "configuration", message);
    }

    public ConfigurationException(String code, String message) {
        super(ErrorKind.CONFIGURATION, code, message);
    }

    public ConfigurationException(String code, String message, Throwable cause) {
        super(ErrorKind.CONFIGURATION, code, message, cause);
    }
}
