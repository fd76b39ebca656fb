package dev.memoria.archfixture.core;

/** Breaks "only the server wires": core reaching into the server. */
public class CoreUsingServer {
    dev.memoria.archfixture.server.Wiring wiring;
}
