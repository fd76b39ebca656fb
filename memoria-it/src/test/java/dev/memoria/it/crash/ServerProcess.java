package dev.memoria.it.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Memoria server in its own JVM, started from the test class path on a free port, and killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux): no shutdown hook runs, nothing is flushed or closed.
 */
final class ServerProcess implements AutoCloseable {

    static final String MASTER_KEY = "crash-suite-master-key-0123456789";

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts a server with {@code env} on top of the suite's defaults and waits until it answers /health. */
    static ServerProcess start(Path log, Map<String, String> env) throws IOException, InterruptedException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "dev.memoria.server.Main", "serve");
        Map<String, String> environment = builder.environment();
        environment.put("MEMORIA_PORT", Integer.toString(port));
        environment.put("MEMORIA_MASTER_KEY", MASTER_KEY);
        environment.put("MEMORIA_EMBEDDING_PROVIDER", "none");
        environment.put("MEMORIA_RATE_LIMIT_AUTH_KEYS", "1000000,60");
        environment.put("MEMORIA_LOG_LEVEL", "WARN");
        environment.putAll(env);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        ServerProcess server = new ServerProcess(builder.start(), port);
        server.awaitHealthy();
        return server;
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + " before it was healthy");
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(url() + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(50);
        }
        throw new IOException("the server did not become healthy within 120 s");
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL, then waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
