package dev.memoria.it.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures how long the server jar takes from process start until {@code /health} answers {@code ok}: JVM
 * start, configuration, database open and migration, embedding model load and warm-up. It launches the jar
 * itself (inheriting this process's environment, so MEMORIA_EMBEDDING_MODEL and friends apply) on a free port,
 * by default with a fresh data directory, and stops it once ready.
 */
public final class ReadinessProbe {

    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private final Path jar;
    private final String masterKey;

    public ReadinessProbe(Path jar, String masterKey) {
        this.jar = jar;
        this.masterKey = masterKey;
    }

    /** Time to ready; {@code dataDir} null means a fresh temporary directory (a first start). */
    public Duration measure(Path dataDir) throws IOException, InterruptedException {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("memoria-ready-");
        int port = freePort();
        Path log = Files.createTempFile("memoria-ready-", ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MEMORIA_PORT", Integer.toString(port));
        builder.environment().put("MEMORIA_DATA_DIR", dir.toString());
        builder.environment().put("MEMORIA_MASTER_KEY", masterKey);
        MemoriaClient client = new MemoriaClient("http://127.0.0.1:" + port, null);

        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (System.nanoTime() - start < GIVE_UP.toNanos()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("server exited with " + process.exitValue() + ", see " + log);
                }
                if (healthy(client)) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                Thread.sleep(10);
            }
            throw new IllegalStateException("server not ready after " + GIVE_UP + ", see " + log);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static boolean healthy(MemoriaClient client) {
        try {
            HttpResult result = client.get(null, "/health");
            return result.status() == 200;
        } catch (UncheckedIOException e) {
            return false; // not listening yet
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
