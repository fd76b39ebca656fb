package dev.memoria.server.plugin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** Runs the plugin CLI in-process for tests, without {@code System.exit}. */
public final class PluginCommandAccess {

    private PluginCommandAccess() {
    }

    public static int run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return new PluginCommand(new PrintStream(out), new PrintStream(out)).execute(args);
    }
}
