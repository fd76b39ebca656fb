package dev.memoria.server.mcp;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds back what the SDK's servlet writes, so that {@link ErrorScrubber} sees every answer before the client
 * does. {@code sendError} (the SDK's way of refusing with a bare status) is recorded instead of letting the
 * container render its own error page. The stateless transport writes one complete JSON body per request, so
 * holding it costs nothing in streaming.
 */
final class CapturedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final PrintWriter writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8), true);
    private int status = SC_OK;

    CapturedResponse(HttpServletResponse response) {
        super(response);
    }

    /** The body written so far, as text (the SDK always writes UTF-8 JSON). */
    String body() {
        writer.flush();
        return body.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc) {
        status = sc;
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
    }

    @Override
    public PrintWriter getWriter() {
        return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new IllegalStateException("the MCP response is written synchronously");
            }

            @Override
            public void write(int b) {
                writer.flush();
                body.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                writer.flush();
                body.write(bytes, offset, length);
            }
        };
    }

    @Override
    public void setContentLength(int len) {
        // the scrubbed body may differ in length; Javalin sets it when it writes
    }

    @Override
    public void setContentLengthLong(long len) {
        // as above
    }

    @Override
    public void flushBuffer() {
        writer.flush();
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        writer.flush();
        body.reset();
    }

    @Override
    public void reset() {
        resetBuffer();
        status = SC_OK;
    }
}
