package dev.memoria.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import dev.memoria.ports.error.ErrorKind;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.out.StorageHealth;
import dev.memoria.server.auth.Authenticator;
import dev.memoria.server.auth.Principal;
import dev.memoria.server.auth.RequestLimits;
import dev.memoria.server.mcp.McpHttpEndpoint;
import dev.memoria.server.metrics.ServerMetrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The REST API: Javalin configured with authentication, one JSON error format, body limits, security
 * headers and every route. No business rules live here — handlers translate HTTP to use cases and back.
 */
public final class HttpApi {

    private final Memoria memoria;
    private final StorageHealth storageHealth;
    private final Authenticator authenticator;
    private final ObjectMapper mapper;
    private final String instanceId;
    private final long maxBodyBytes;
    private final RequestLimits limits;
    private final Supplier<Map<String, Object>> redactedConfig;
    private final ServerMetrics metrics;
    private final RegisteredRoutes routes = new RegisteredRoutes();

    public HttpApi(Memoria memoria, StorageHealth storageHealth, Authenticator authenticator, RequestLimits limits,
                   ObjectMapper mapper, String instanceId, long maxBodyBytes,
                   Supplier<Map<String, Object>> redactedConfig, ServerMetrics metrics) {
        this.memoria = memoria;
        this.storageHealth = storageHealth;
        this.authenticator = authenticator;
        this.limits = limits;
        this.mapper = mapper;
        this.instanceId = instanceId;
        this.maxBodyBytes = maxBodyBytes;
        this.redactedConfig = redactedConfig;
        this.metrics = metrics;
    }

    /** Oversized bodies up to this multiple of the limit are read and discarded before the 413 is sent. */
    static final long DRAIN_FACTOR = 8;

    public Javalin create() {
        return Javalin.create(config -> {
            config.events.handlerAdded(routes::record); // first, so that it sees every route below
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = maxBodyBytes;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(10_000);
                server.setErrorHandler(new JsonErrorHandler());
            });

            config.routes.exception(MemoriaException.class, ErrorResponses::memoria);
            config.routes.exception(HttpResponseException.class, ErrorResponses::framework);
            config.routes.exception(Exception.class, ErrorResponses::unexpected);

            UsageTracking usage = new UsageTracking(memoria.usage());
            config.routes.before(metrics::requestStarted);
            config.routes.before(usage::started);
            config.routes.after(metrics::requestFinished);
            config.routes.after(usage::finished);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.scrape()));
            config.routes.before(HttpApi::securityHeaders);
            config.routes.before(this::rejectOversizedBody);
            for (String secured : new String[]{"/v1/*", "/auth/*", "/admin/*"}) {
                config.routes.before(secured, this::authenticate);
            }

            new HealthRoutes(storageHealth, instanceId).register(config.routes);
            new MemoryWriteRoutes(memoria, mapper).register(config.routes);
            new MemoryReadRoutes(memoria, mapper).register(config.routes);
            new FeedbackRoutes(memoria, mapper).register(config.routes);
            new VersionRoutes(memoria, mapper).register(config.routes);
            new ApiKeyRoutes(memoria, mapper).register(config.routes);
            new AdminRoutes(memoria, redactedConfig, instanceId).register(config.routes);
            new DiagnosticsRoutes(memoria.diagnostics()).register(config.routes);
            new UsageRoutes(memoria.usage()).register(config.routes);
            new dev.memoria.server.governance.GovernanceRoutes(memoria, mapper).register(config.routes);
            new dev.memoria.server.governance.SessionTaskRoutes(memoria, mapper).register(config.routes);
            new dev.memoria.server.governance.ClusterRoutes(memoria).register(config.routes);
            new dev.memoria.server.governance.PluginRoutes(memoria, mapper).register(config.routes);
            McpHttpEndpoint.install(config, memoria, this::authenticate, maxBodyBytes);
            new dev.memoria.server.ui.ConsoleRoutes().register(config.routes);
        });
    }

    /** The endpoints {@link #create()} registered. */
    public RegisteredRoutes routes() {
        return routes;
    }

    private void authenticate(Context ctx) {
        String address = ctx.ip();
        String authorization = ctx.header("Authorization");
        if (!authenticator.presentsMasterKey(authorization)) {
            limits.checkAddress(address);
        }
        Principal principal;
        try {
            principal = authenticator.authenticate(authorization, name ->
                    name.startsWith("X-") ? ctx.header(name) : ctx.queryParam(name));
        } catch (MemoriaException e) {
            if (e.kind() == ErrorKind.UNAUTHENTICATED) {
                limits.recordFailure(address);
                metrics.authenticationFailed(e.code());
            }
            throw e;
        }
        limits.admit(principal);
        ctx.attribute(Requests.PRINCIPAL, principal);
    }

    /**
     * Refuses a declared oversized body before anything parses it (Javalin also caps what it reads). A client that
     * did not ask {@code Expect: 100-continue} is still sending the body; if the server answered and closed at
     * once, the client would see a reset instead of the 413. So a body up to {@link #DRAIN_FACTOR} times the
     * limit is read and discarded first; a larger one gets the 413 and a closed connection.
     */
    private void rejectOversizedBody(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > maxBodyBytes) {
            if (declared <= DRAIN_FACTOR * maxBodyBytes) {
                drain(ctx);
            } else {
                ctx.header("Connection", "close");
            }
            ErrorResponses.write(ctx, 413, "body_too_large", "Request body too large (limit " + maxBodyBytes + " bytes)");
            ctx.skipRemainingHandlers();
        }
    }

    private static void drain(Context ctx) {
        try (InputStream body = ctx.req().getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // The client went away mid-body: the 413 below may not reach it, and there is nobody else to tell.
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
    }
}
