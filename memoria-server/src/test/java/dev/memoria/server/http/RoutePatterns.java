package dev.memoria.server.http;

/** Route paths compared by shape: Javalin's {@code {name}} and {@code <name>} and a test's placeholders alike. */
final class RoutePatterns {

    private RoutePatterns() {
    }

    /** {@code /v1/memories/{mem}/history?x=1} and {@code /v1/memories/{id}/history} both become {@code /v1/memories/{}/history}. */
    static String normalise(String path) {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return withoutQuery.replaceAll("\\{[^}/]*}|<[^>/]*>", "{}");
    }
}
