package dev.memoria.server.http;

import io.javalin.event.HandlerMetaInfo;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every endpoint the server registers, recorded as Javalin adds it (its {@code handlerAdded} event), in one place
 * whatever class registered it. Tests that must cover every route (the authorization matrix, the bad-input
 * sweep) compare their expectations against this list, so a route added later cannot slip past them.
 */
public final class RegisteredRoutes {

    /** One endpoint: an HTTP method and Javalin's path pattern, e.g. {@code GET /v1/memories/{id}}. */
    public record Route(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();

    void record(HandlerMetaInfo handler) {
        // before/after filters and the like are not endpoints
        if (handler.getHttpMethod().isHttpMethod()) {
            routes.add(new Route(handler.getHttpMethod().name(), handler.getPath()));
        }
    }

    /** The endpoints in a stable order (path, then method). */
    public List<Route> list() {
        return routes.stream().distinct().sorted(Comparator.comparing(Route::path).thenComparing(Route::method))
                .toList();
    }
}
