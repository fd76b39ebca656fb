package dev.memoria.server.http;

import dev.memoria.ports.error.ErrorKind;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.error.RateLimitedException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place failures become HTTP responses: {@code {"detail": "...", "code": "..."}} with the status
 * of the failure's kind. Internal failures are logged with their stack trace and answered without one.
 */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static int statusOf(ErrorKind kind) {
        return switch (kind) {
            case MALFORMED -> 400;
            case INVALID -> 422;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
            case CONFIGURATION, INTERNAL -> 500;
        };
    }

    public static void memoria(MemoriaException e, Context ctx) {
        int status = statusOf(e.kind());
        if (status >= 500 && e.kind() != ErrorKind.UNAVAILABLE) {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            write(ctx, status, "internal_error", "Internal server error");
            return;
        }
        if (e instanceof RateLimitedException limited) {
            ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        write(ctx, status, e.code(), e.getMessage());
    }

    /** Javalin's own responses: unknown route, wrong method, body too large. */
    public static void framework(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String code = switch (status) {
            case 404 -> "route_not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "body_too_large";
            default -> "http_" + status;
        };
        String detail = switch (status) {
            case 404 -> "No route " + ctx.method() + " " + ctx.path();
            case 413 -> "Request body too large";
            default -> e.getMessage();
        };
        write(ctx, status, code, detail);
    }

    public static void unexpected(Exception e, Context ctx) {
        LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
        write(ctx, 500, "internal_error", "Internal server error");
    }

    public static void write(Context ctx, int status, String code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        body.put("code", code);
        ctx.status(status).json(body);
    }
}
