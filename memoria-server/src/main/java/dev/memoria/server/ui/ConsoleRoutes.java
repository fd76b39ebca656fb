package dev.memoria.server.ui;

import dev.memoria.ports.error.NotFoundException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code /ui}: the web console's static files, read from the classpath ({@code ui/} in this module's resources).
 * They need no authentication: they hold no data, and the console fetches everything from the REST API with the
 * key the user typed in. A small route rather than Javalin's static-file handler, so that the file names, the
 * content types and the headers of every answer are exactly the ones written here.
 */
public final class ConsoleRoutes {

    /**
     * Everything the page may load comes from this server; no inline script or style, no plugins, no framing,
     * no {@code <base>} rewriting. The console builds its DOM with {@code createElement}, so it needs nothing more.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * Names a file may have: lower-case segments and a known extension. Anything else (dots in segments, {@code ..},
     * encoded slashes) is refused before it reaches the class loader.
     */
    private static final Pattern FILE = Pattern.compile("[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\\.(html|js|css|svg)");

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    private final ClassLoader loader = ConsoleRoutes.class.getClassLoader();
    /** The files never change while the server runs; each is read once. */
    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    public void register(RoutesConfig routes) {
        // Javalin ignores trailing slashes, so this also answers /ui/; the page refers to its files by absolute
        // paths, which therefore resolve the same from either address
        routes.get("/ui", ctx -> serve(ctx, "index.html"));
        routes.get("/ui/<file>", ctx -> serve(ctx, ctx.pathParam("file")));
    }

    private void serve(Context ctx, String file) {
        if (!FILE.matcher(file).matches()) {
            throw notFound();
        }
        byte[] body = cache.computeIfAbsent(file, this::read).orElseThrow(ConsoleRoutes::notFound);
        String extension = file.substring(file.lastIndexOf('.') + 1);
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.contentType(CONTENT_TYPES.get(extension)).result(body);
    }

    private Optional<byte[]> read(String file) {
        try (InputStream in = loader.getResourceAsStream("ui/" + file)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console file " + file, e);
        }
    }

    private static NotFoundException notFound() {
        return new NotFoundException("not_found", "No such console file");
    }
}
