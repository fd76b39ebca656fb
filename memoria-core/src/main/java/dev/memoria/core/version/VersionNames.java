package dev.memoria.core.version;

import dev.memoria.ports.error.InvalidInputException;

import java.util.regex.Pattern;

/**
 * Snapshot and branch names are checked against one strict pattern before they reach any store: a letter,
 * digit or underscore, then up to 63 more of those or {@code . -}. Nothing else is ever accepted.
 */
public final class VersionNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");

    private VersionNames() {
    }

    public static String snapshot(String name) {
        return check(name, "snapshot");
    }

    public static String branch(String name) {
        return check(name, "branch");
    }

    private static String check(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("invalid_name", what + " name must not be empty");
        }
        String trimmed = name.trim();
        if (!NAME.matcher(trimmed).matches()) {
            throw new InvalidInputException("invalid_name", "Invalid " + what + " name '" + abbreviate(trimmed)
                    + "': use 1-64 letters, digits, '_', '.' or '-', starting with a letter, digit or '_'");
        }
        return trimmed;
    }

    private static String abbreviate(String value) {
        String printable = value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 80 ? printable.substring(0, 80) + "…" : printable;
    }
}
