package dev.memoria.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Stands between the client's stdin/stdout and the SDK's stdio transport.
 *
 * <p>Why: the SDK's inbound loop dies on the first line that is not a JSON-RPC message, after which nothing is
 * answered and end-of-input is never noticed (the process hangs); and on end-of-input it stops at once, dropping
 * the answers still being computed while the caller goes on to close the storage. Here every line is checked
 * first ({@link JsonRpcPrecheck}, the same rules as on HTTP) and a bad one is answered with its JSON-RPC error
 * while later lines are served as usual; every line the SDK writes passes {@link ErrorScrubber}; and at
 * end-of-input the gate waits until every forwarded request has been answered before the SDK sees the end.
 */
final class StdioGate {

    private static final Logger LOG = LoggerFactory.getLogger(StdioGate.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final InputStream clientIn;
    private final OutputStream clientOut;
    private final int maxLineBytes;
    private final Duration drainLimit;
    private final LineFeed toServer = new LineFeed();
    private final OutputStream fromServer = new LineSplitter(this::fromServer);
    private int inFlight;

    /**
     * @param maxLineBytes the longest message accepted (the REST body limit); a longer line is refused unread
     * @param drainLimit   how long end-of-input waits for unanswered requests before giving up on them
     */
    StdioGate(InputStream clientIn, OutputStream clientOut, int maxLineBytes, Duration drainLimit) {
        this.clientIn = clientIn;
        this.clientOut = clientOut;
        this.maxLineBytes = maxLineBytes;
        this.drainLimit = drainLimit;
    }

    /** What the SDK transport reads: the client's lines that passed the checks. */
    InputStream serverInput() {
        return toServer;
    }

    /** What the SDK transport writes to. */
    OutputStream serverOutput() {
        return fromServer;
    }

    /**
     * Reads the client's lines until its stdin ends, then waits for the answers still owed and ends the SDK's
     * input. Returns when the SDK has nothing left to answer, so the caller may close the storage.
     */
    void pumpUntilEof() throws IOException, InterruptedException {
        LineReader lines = new LineReader(clientIn, maxLineBytes);
        for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.tooLong()) {
                send(new JsonRpcError(0, null, JsonRpcPrecheck.INVALID_REQUEST,
                        "Message larger than " + maxLineBytes + " bytes").envelope());
            } else if (!isBlank(line.bytes())) {
                accept(line.bytes());
            }
        }
        awaitAnswers();
        toServer.end();
    }

    private void accept(byte[] line) {
        Optional<JsonRpcError> refusal = JsonRpcPrecheck.message(line, true);
        if (refusal.isPresent()) {
            send(refusal.get().envelope());
            return;
        }
        if (isRequest(line)) {
            synchronized (this) {
                inFlight++;
            }
        }
        toServer.add(line);
    }

    private synchronized void awaitAnswers() throws InterruptedException {
        long deadline = System.nanoTime() + drainLimit.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                LOG.warn("stdin closed; {} request(s) still unanswered after {} s, giving up on them", inFlight,
                        drainLimit.toSeconds());
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** One complete line from the SDK: scrubbed, sent, and counted off when it answers a request. */
    private void fromServer(byte[] line) {
        String scrubbed = ErrorScrubber.scrub(new String(line, StandardCharsets.UTF_8), null);
        write(scrubbed);
        if (isResponse(scrubbed)) {
            synchronized (this) {
                inFlight = Math.max(0, inFlight - 1);
                notifyAll();
            }
        }
    }

    private void send(Object envelope) {
        write(ErrorScrubber.write(envelope));
    }

    /** One message per line, whole: the gate's refusals and the SDK's answers never interleave. */
    private synchronized void write(String message) {
        try {
            clientOut.write((message + "\n").getBytes(StandardCharsets.UTF_8));
            clientOut.flush();
        } catch (IOException e) {
            LOG.warn("stdout closed; an MCP message could not be sent: {}", e.getMessage());
        }
    }

    private static boolean isRequest(byte[] line) {
        JsonNode message = parse(line);
        return message != null && message.has("method") && message.hasNonNull("id");
    }

    private static boolean isResponse(String line) {
        JsonNode message = parse(line.getBytes(StandardCharsets.UTF_8));
        return message != null && !message.has("method") && (message.has("result") || message.has("error"));
    }

    private static JsonNode parse(byte[] line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Splits what the SDK writes into lines; the SDK writes a message and its newline in separate calls. */
    private static final class LineSplitter extends OutputStream {

        private final java.util.function.Consumer<byte[]> onLine;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

        LineSplitter(java.util.function.Consumer<byte[]> onLine) {
            this.onLine = onLine;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                byte[] line = pending.toByteArray();
                pending.reset();
                if (!isBlank(line)) {
                    onLine.accept(line);
                }
            } else {
                pending.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }
    }
}
