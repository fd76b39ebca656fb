package dev.memoria.server.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Main mcp <args>} as a child JVM on the test class path, spoken to in raw bytes: what a misbehaving
 * client would send, and exactly what comes back on stdout, with the exit status.
 */
final class McpChild implements AutoCloseable {

    static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-03-26\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
    static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private final Process process;
    private final Path stderr;

    private McpChild(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    static McpChild start(List<String> args, Map<String, String> env) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, "-XX:TieredStopAtLevel=1",
                "dev.memoria.server.Main", "mcp"));
        command.addAll(args);
        Path stderr = Files.createTempFile("mcp-child", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(env);
        return new McpChild(builder.start(), stderr);
    }

    /** Writes the lines (each followed by a newline) and closes stdin: the client is done. */
    McpChild sendAndClose(List<String> lines) throws IOException {
        return sendBytesAndClose(lines.stream().map(line -> line.getBytes(StandardCharsets.UTF_8)).toList());
    }

    McpChild sendBytesAndClose(List<byte[]> lines) throws IOException {
        try (OutputStream in = process.getOutputStream()) {
            for (byte[] line : lines) {
                in.write(line);
                in.write('\n');
            }
        }
        return this;
    }

    /** Every line the child wrote to stdout, read until it closed it. */
    List<String> output() throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    int exitStatus() throws InterruptedException {
        return process.waitFor();
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        Files.deleteIfExists(stderr);
    }
}
