package dev.memoria.server.mcp;

import dev.memoria.core.Memoria;
import dev.memoria.ports.model.ApiCall;
import dev.memoria.ports.error.ErrorKind;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.server.auth.Principal;
import dev.memoria.server.http.Requests;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.HttpHeaders;

import java.time.Instant;
import java.util.Map;

/**
 * Streamable HTTP MCP at {@code /mcp} on the REST port, behind the same authentication as the REST API.
 *
 * <p>The SDK's <em>stateless</em> servlet transport is used: every POST is one JSON-RPC exchange and carries
 * its own credentials, so there are no MCP sessions to pin to a server instance, and no way for one
 * user's session to be reused by another. The servlet is driven from a Javalin handler so that the REST
 * API's authentication, failed-auth and rate limits, error format, body limit and security headers apply
 * unchanged. Authentication runs in a before-handler (401 {@code {"detail","code"}} before any JSON-RPC is read);
 * the resulting principal travels on the servlet request into the SDK's transport context and from there to the
 * tool handlers.
 *
 * <p>Around the SDK: {@link McpHttpHeaders} and {@link JsonRpcPrecheck} refuse what it would answer badly (or not
 * check at all), and its answer is held in a {@link CapturedResponse} and passed through {@link ErrorScrubber},
 * so that no reply ever carries an exception's text, class names or stack frames.
 */
public final class McpHttpEndpoint {

    static final String PATH = "/mcp";
    private static final String PRINCIPAL_KEY = "memoria.principal";

    private McpHttpEndpoint() {
    }

    /**
     * @param authenticate the REST API's own authentication step (failed-auth limit per address, per-key rate
     *                     limit, principal on the request), so that /mcp cannot be used to get round them
     * @param maxBodyBytes the REST body limit, enforced here on the bytes read, chunked bodies included
     */
    public static void install(JavalinConfig config, Memoria memoria, Handler authenticate, long maxBodyBytes) {
        ToolRegistry tools = McpServers.embedded(memoria);
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(McpServers.jsonMapper())
                .messageEndpoint(PATH)
                .contextExtractor(request -> request.getAttribute(Requests.PRINCIPAL) instanceof Principal p
                        ? McpTransportContext.create(Map.of(PRINCIPAL_KEY, p)) : McpTransportContext.EMPTY)
                .build();
        McpServer.sync(transport)
                .serverInfo(McpServers.NAME, McpServers.VERSION)
                .instructions(McpServers.INSTRUCTIONS)
                .capabilities(McpServers.capabilities())
                .jsonMapper(McpServers.jsonMapper())
                .validateToolInputs(false) // arguments are checked by the tools, with messages naming the field
                .immediateExecution(true) // run on the request thread; nothing here benefits from hopping threads
                .addToolFilter(ToolRegistry.listFilter())
                .tools(tools.stateless(McpHttpEndpoint::userOf, (user, tool, failed, latencyMs) -> {
                    // logged as the existing service logs tool calls: POST /mcp/<tool>, an error as a JSON-RPC error
                    memoria.usage().recordTool(user, tool);
                    memoria.usage().recordCall(new ApiCall(user, "POST", "/mcp/" + tool, 200, failed,
                            latencyMs, Instant.now()));
                }))
                .build();

        config.routes.before(PATH, authenticate);
        config.routes.post(PATH, ctx -> {
            BoundedBodyRequest request = BoundedBodyRequest.of(ctx.req(), maxBodyBytes);
            var refusal = McpHttpHeaders.check(ctx.header("Origin"), ctx.header("Host"),
                            ctx.header(HttpHeaders.PROTOCOL_VERSION), transport.protocolVersions())
                    .or(() -> JsonRpcPrecheck.check(ctx.contentType(), ctx.header("Accept"), request.body()));
            if (refusal.isPresent()) {
                ctx.status(refusal.get().status()).json(refusal.get().envelope());
                return;
            }
            CapturedResponse captured = new CapturedResponse(ctx.res());
            transport.service(request, captured);
            answer(ctx, captured, JsonRpcPrecheck.idOf(request.body()));
        });
    }

    /** What the SDK answered, scrubbed; a bare error status becomes an envelope too. */
    private static void answer(Context ctx, CapturedResponse captured, Object id) {
        String body = captured.body();
        ctx.status(captured.getStatus());
        if (!body.isEmpty()) {
            ctx.contentType("application/json").result(ErrorScrubber.scrub(body, id));
        } else if (captured.getStatus() >= 400) {
            int code = captured.getStatus() >= 500 ? JsonRpcPrecheck.INTERNAL_ERROR : JsonRpcPrecheck.INVALID_REQUEST;
            ctx.json(new JsonRpcError(captured.getStatus(), id, code, JsonRpcError.genericMessage(code)).envelope());
        }
    }

    /** The authenticated user of the request a tool call arrived on; refuses to guess when there is none. */
    private static String userOf(McpTransportContext context) {
        Object principal = context == null ? null : context.get(PRINCIPAL_KEY);
        if (principal instanceof Principal p) {
            return p.userId();
        }
        throw new MemoriaException(ErrorKind.UNAUTHENTICATED, "missing_token", "Missing Bearer token");
    }
}
