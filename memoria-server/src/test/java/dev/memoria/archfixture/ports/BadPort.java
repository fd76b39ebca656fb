package dev.memoria.archfixture.ports;

/** Breaks "ports depend only on the JDK": a port exposing a Jackson type. */
public interface BadPort {
    com.fasterxml.jackson.databind.JsonNode read();
}
