package dev.memoria.server.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Newline-delimited messages from the client's stdin, each at most {@code maxBytes}: a longer line is skipped to
 * its end without being held in memory, and reported as too long so it can be answered.
 */
final class LineReader {

    record Line(byte[] bytes, boolean tooLong) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[8192];
    private int length;
    private int position;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its newline, or null at the end of input (a last line without newline counts). */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == length) {
                length = in.read(buffer);
                position = 0;
                if (length <= 0) {
                    length = 0;
                    return any ? new Line(line.toByteArray(), tooLong) : null;
                }
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                return new Line(line.toByteArray(), tooLong);
            }
            if (line.size() < maxBytes) {
                line.write(b);
            } else {
                tooLong = true;
            }
        }
    }
}
