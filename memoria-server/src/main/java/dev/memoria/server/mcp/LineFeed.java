package dev.memoria.server.mcp;

import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An input stream fed line by line from another thread: what {@link StdioGate} lets through to the SDK. Unlike a
 * piped stream it does not fail when the feeding thread is not the one that wrote last, and its end is explicit.
 */
final class LineFeed extends InputStream {

    private static final byte[] END = new byte[0];

    private final LinkedBlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    /** Queues one message; the newline the SDK's line reader needs is added here. */
    void add(byte[] line) {
        byte[] withNewline = java.util.Arrays.copyOf(line, line.length + 1);
        withNewline[line.length] = '\n';
        lines.add(withNewline);
    }

    void end() {
        lines.add(END);
    }

    @Override
    public synchronized int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position == current.length) {
            if (ended) {
                return -1;
            }
            try {
                current = lines.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            position = 0;
            ended = current == END;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }
}
