package dev.memoria.it.client;

import java.util.Locale;

/** How a merge treats memories both the branch and main changed. */
public enum MergeStrategy {
    /** The branch's version wins (the server's default). */
    ACCEPT,
    /** The same as {@link #ACCEPT}; the name some existing clients send. */
    REPLACE,
    /** Main's version is kept and the branch's change skipped. */
    APPEND;

    /** The name the API expects in {@code strategy}. */
    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
