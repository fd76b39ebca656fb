package dev.memoria.server.ui;

import dev.memoria.server.MemoriaServer;
import dev.memoria.server.TestServers;
import dev.memoria.server.http.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's files from a real server: no key needed, the right content types and the security headers. */
class ConsoleStaticFilesTest {

    static final String MASTER = "console-master-key-0123456789";

    @TempDir
    static Path dataDir;
    static MemoriaServer server;
    static ApiClient anonymous;

    @BeforeAll
    static void start() {
        server = TestServers.keywordOnly(dataDir, MASTER);
        anonymous = new ApiClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui", "/ui/", "/ui/index.html"})
    void theIndexIsServedWithoutAKeyAndWithAStrictPolicy(String path) {
        ApiClient.Response response = anonymous.get(path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("text/html;charset=utf-8");
        assertThat(response.body()).contains("<script type=\"module\" src=\"/ui/app.js\"></script>");
        String policy = response.headers().get("content-security-policy");
        assertThat(policy).startsWith("default-src 'self';").contains("script-src 'self';")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(response.headers()).containsEntry("x-content-type-options", "nosniff")
                .containsEntry("referrer-policy", "no-referrer");
    }

    @ParameterizedTest
    @CsvSource({
            "/ui/app.js, text/javascript; charset=utf-8",
            "/ui/js/api.js, text/javascript; charset=utf-8",
            "/ui/js/time.js, text/javascript; charset=utf-8",
            "/ui/app.css, text/css; charset=utf-8",
            "/ui/icon.svg, image/svg+xml"})
    void scriptsStylesAndImagesHaveTheirContentTypes(String path, String contentType) {
        ApiClient.Response response = anonymous.get(path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo(contentType.replace(" ", ""));
        assertThat(response.headers()).containsKey("content-security-policy")
                .containsEntry("x-content-type-options", "nosniff");
        assertThat(response.body()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/ui/missing.js", "/ui/../reference.conf", "/ui/%2e%2e/reference.conf",
            "/ui/logback.xml", "/ui/js/../../logback.xml", "/ui/App.js", "/ui/.hidden.js"})
    void nothingOutsideTheConsoleFilesIsServed(String path) {
        ApiClient.Response response = anonymous.get(path);
        assertThat(response.status()).isIn(400, 404);
        assertThat(response.body()).doesNotContain("memoria {").doesNotContain("<configuration");
    }

    /** Jetty writes {@code text/html;charset=utf-8} without the space; either form means the same. */
    private static String mediaType(ApiClient.Response response) {
        return response.headers().get("content-type").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void theApiStillNeedsAKey() {
        assertThat(anonymous.get("/v1/memories").status()).isEqualTo(401);
    }

    /** The page loads nothing from elsewhere: every src and href in it is a path on this server. */
    @Test
    void theIndexRefersOnlyToThisServer() {
        String html = anonymous.get("/ui/").body();
        assertThat(html).doesNotContainPattern("(src|href)=\"(https?:)?//");
        assertThat(html).doesNotContain("<script>").doesNotContain("style=");
    }
}
