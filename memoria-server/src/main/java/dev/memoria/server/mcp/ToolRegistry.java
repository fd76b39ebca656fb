package dev.memoria.server.mcp;

import dev.memoria.ports.error.ErrorKind;
import dev.memoria.ports.error.MemoriaException;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpSyncListFilter;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Joins the {@link ToolCatalog} with one set of handlers and turns calls into MCP results. Every failure a
 * client can cause ends as a tool result with {@code isError=true} and a readable text; only our own bugs are
 * logged (and still answered as a tool error, never as a broken connection).
 */
final class ToolRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ToolRegistry.class);

    private final Map<String, ToolHandler> handlers;
    private final List<ToolSpec> specs;

    ToolRegistry(Map<String, ToolHandler> handlers) {
        this.handlers = Map.copyOf(handlers);
        List<ToolSpec> available = new ArrayList<>();
        for (ToolSpec spec : ToolCatalog.all()) {
            if (handlers.containsKey(spec.name())) {
                available.add(spec);
            }
        }
        this.specs = List.copyOf(available);
    }

    static Map<String, ToolHandler> merge(List<Map<String, ToolHandler>> groups) {
        Map<String, ToolHandler> all = new LinkedHashMap<>();
        groups.forEach(all::putAll);
        return all;
    }

    List<ToolSpec> specs() {
        return specs;
    }

    /** Runs one tool for one user; the user always comes from authentication, never from the arguments. */
    McpSchema.CallToolResult call(String userId, String toolName, Map<String, Object> arguments) {
        ToolHandler handler = handlers.get(toolName);
        ToolSpec spec = ToolCatalog.get(toolName);
        if (handler == null || spec == null) {
            return error("Unknown tool: " + toolName);
        }
        try {
            return McpSchema.CallToolResult.builder().addTextContent(handler.call(userId, new ToolArguments(arguments)))
                    .isError(false).build();
        } catch (ToolError e) {
            return error(e.getMessage());
        } catch (MemoriaException e) {
            if (e.kind() == ErrorKind.INTERNAL || e.kind() == ErrorKind.CONFIGURATION) {
                LOG.error("MCP tool {} failed", toolName, e);
                return error("Internal error while running " + toolName);
            }
            return error(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("MCP tool {} failed unexpectedly", toolName, e);
            return error("Internal error while running " + toolName);
        }
    }

    private static McpSchema.CallToolResult error(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    static McpSchema.Tool tool(ToolSpec spec) {
        return McpSchema.Tool.builder().name(spec.name()).description(spec.description())
                .inputSchema(spec.inputSchema()).build();
    }

    /** Hidden tools stay callable but are not listed. */
    static McpSyncListFilter<McpSchema.Tool> listFilter() {
        return (context, tool) -> {
            ToolSpec spec = ToolCatalog.get(tool.name());
            return spec == null || !spec.hidden();
        };
    }

    /** Told about every tool call the HTTP server answers (for usage analytics). */
    interface CallListener {
        void called(String userId, String toolName, boolean failed, long latencyMs);
    }

    /** Specifications for the stateless HTTP server: the user is read from each request's transport context. */
    List<McpStatelessServerFeatures.SyncToolSpecification> stateless(Function<McpTransportContext, String> user,
                                                                      CallListener listener) {
        return specs.stream().map(spec -> new McpStatelessServerFeatures.SyncToolSpecification(tool(spec),
                (context, request) -> {
                    String userId = user.apply(context);
                    long started = System.nanoTime();
                    McpSchema.CallToolResult result = call(userId, spec.name(), request.arguments());
                    listener.called(userId, spec.name(), Boolean.TRUE.equals(result.isError()),
                            (System.nanoTime() - started) / 1_000_000);
                    return result;
                })).toList();
    }

    /** Specifications for a single-client server (stdio), where the whole process acts as one user. */
    List<McpServerFeatures.SyncToolSpecification> forUser(String userId) {
        return specs.stream().map(spec -> new McpServerFeatures.SyncToolSpecification(tool(spec),
                (exchange, request) -> call(userId, spec.name(), request.arguments()))).toList();
    }
}
