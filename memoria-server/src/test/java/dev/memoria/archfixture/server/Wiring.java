package dev.memoria.archfixture.server;

/** The fixture's server, which may depend on everything. */
public class Wiring {
    dev.memoria.archfixture.ports.GoodPort port;
}
