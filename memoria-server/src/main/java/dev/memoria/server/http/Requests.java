package dev.memoria.server.http;

import dev.memoria.ports.error.ErrorKind;
import dev.memoria.ports.error.ForbiddenException;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.in.Caller;
import dev.memoria.server.auth.Principal;
import io.javalin.http.Context;

/** Reading the authenticated principal and query parameters off a request. */
public final class Requests {

    /** The request attribute holding the authenticated {@link Principal}. */
    public static final String PRINCIPAL = "memoria.principal";

    private Requests() {
    }

    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new MemoriaException(ErrorKind.UNAUTHENTICATED, "missing_token", "Missing Bearer token");
        }
        return principal;
    }

    public static void requireMaster(Context ctx) {
        if (!principal(ctx).master()) {
            throw new ForbiddenException("master_required", "Master key required");
        }
    }

    /** The caller on an explicit branch (blank or null: the user's checked-out branch). */
    public static Caller caller(Context ctx, String branch) {
        return new Caller(principal(ctx).userId(), branch);
    }

    public static Caller caller(Context ctx) {
        return caller(ctx, ctx.queryParam("branch"));
    }

    public static String query(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value;
    }

    public static int intQuery(Context ctx, String name, int defaultValue) {
        String value = query(ctx, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new MemoriaException(ErrorKind.MALFORMED, "invalid_query",
                    "Failed to deserialize query string: " + name + " must be an integer");
        }
    }
}
