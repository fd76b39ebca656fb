package dev.memoria.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The errors Jetty answers itself, before a request reaches Javalin (a path with {@code %00} or invalid UTF-8, a
 * malformed request line, headers too large): the same JSON shape as every other error, never Jetty's HTML page,
 * and never the parser's exception text.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String reason = HttpStatus.getMessage(code);
        String name = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        String json = "{\"detail\":\"" + reason + ": the request line, path or headers are malformed\",\"code\":\""
                + name + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
