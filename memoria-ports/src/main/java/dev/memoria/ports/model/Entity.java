package dev.memoria.ports.model;

/** A named thing memories mention: {@code name} is the lower-cased identity, {@code displayName} as first seen. */
public record Entity(String name, String displayName, String entityType) {
}
