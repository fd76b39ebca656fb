package dev.memoria.adapter.sql;

import dev.memoria.ports.error.ConfigurationException;

import java.util.Locale;

/** Which database family the storage talks to; {@link #AUTO} asks the server (or picks H2 for a data directory). */
public enum DialectChoice {
    H2, MYSQL, MATRIXONE, AUTO;

    public static DialectChoice parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        if (wanted.equals("MARIADB")) {
            return MYSQL;
        }
        for (DialectChoice choice : values()) {
            if (choice.name().equals(wanted)) {
                return choice;
            }
        }
        throw new ConfigurationException("invalid_dialect",
                "Unknown database dialect '" + value + "'. Use one of: h2, mysql, matrixone, auto");
    }
}
