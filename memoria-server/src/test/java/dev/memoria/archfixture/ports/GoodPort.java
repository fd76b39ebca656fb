package dev.memoria.archfixture.ports;

/** A well-behaved port the fixtures depend on. */
public interface GoodPort {
    String value();
}
