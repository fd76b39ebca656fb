package dev.memoria.it.junit;

import dev.memoria.server.MemoriaServer;
import dev.memoria.server.config.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One in-process server with the temporary directory it owns; closing stops the server, then deletes the directory. */
final class RunningServer implements AutoCloseable {

    /** Settings the harness owns: overriding them would break the isolation it promises. */
    private static final List<String> RESERVED = List.of("memoria.port", "memoria.data-dir", "memoria.master-key");

    private final MemoriaServer server;
    private final MemoriaServerInfo info;

    private RunningServer(MemoriaServer server, MemoriaServerInfo info) {
        this.server = server;
        this.info = info;
    }

    /** Starts a server on a free port with a new data directory and master key, plus {@code overrides}. */
    static RunningServer start(String[] overrides) {
        Map<String, Object> settings = parse(overrides);
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("memoria-test-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for the test server", e);
        }
        String masterKey = masterKey();
        settings.put("memoria.port", 0);
        settings.put("memoria.data-dir", dataDir.toString());
        settings.put("memoria.master-key", masterKey);
        // An application's MEMORIA_DB_HOST must not send the test server to a shared database: embedded H2 only,
        // unless the test asks for a host itself.
        settings.putIfAbsent("memoria.db.host", "");
        try {
            MemoriaServer server = MemoriaServer.start(ServerConfig.load(settings));
            URI base = URI.create("http://127.0.0.1:" + server.port() + "/");
            return new RunningServer(server, new MemoriaServerInfo(base, masterKey, dataDir));
        } catch (RuntimeException e) {
            deleteQuietly(dataDir, e);
            throw e;
        }
    }

    MemoriaServerInfo info() {
        return info;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            delete(info.dataDir());
        }
    }

    private static Map<String, Object> parse(String[] overrides) {
        Map<String, Object> settings = new HashMap<>();
        for (String entry : overrides) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("@MemoriaServerTest(config) entries are key=value, got '" + entry
                        + "'");
            }
            String key = entry.substring(0, eq).trim();
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException(key + " is set by the test harness and cannot be overridden");
            }
            settings.put(key, entry.substring(eq + 1).trim());
        }
        return settings;
    }

    /** 32 random bytes as hex: far above the server's 16-character minimum, never the same twice. */
    private static String masterKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Deletes the tree, deepest first; reports the first path that would not go. */
    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        List<IOException> failures = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    failures.add(e);
                }
            });
        } catch (IOException e) {
            failures.add(e);
        }
        if (!failures.isEmpty()) {
            throw new UncheckedIOException("cannot delete the test server's data directory " + root, failures.get(0));
        }
    }

    private static void deleteQuietly(Path root, RuntimeException cause) {
        try {
            delete(root);
        } catch (UncheckedIOException e) {
            cause.addSuppressed(e);
        }
    }
}
