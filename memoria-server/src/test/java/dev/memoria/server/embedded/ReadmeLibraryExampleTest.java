package dev.memoria.server.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Using it as a library" example, taken from the README itself, compiled against the real classes
 * and run on a temporary data directory: an API change that breaks the example fails the build.
 */
class ReadmeLibraryExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeLibraryExampleCompilesAndRuns() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Using it as a library"));
        int open = section.indexOf("```java") + "```java".length();
        String block = section.substring(open, section.indexOf("```", open));
        List<String> imports = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (String line : block.strip().split("\n")) {
            if (line.startsWith("import ")) {
                imports.add(line);
            } else {
                body.append(line).append('\n');
            }
        }
        String dataDir = dir.resolve("memoria-data").toString().replace("\\", "\\\\");
        String source = String.join("\n", imports) + "\npublic class ReadmeExample {\n"
                + "    public static void run() throws Exception {\n"
                + body.toString().replace("Path.of(\"memoria-data\")", "Path.of(\"" + dataDir + "\")")
                + "    }\n}\n";
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Files.writeString(src.resolve("ReadmeExample.java"), source);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, diagnostics, diagnostics, "-classpath", System.getProperty("java.class.path"),
                "-d", src.toString(), src.resolve("ReadmeExample.java").toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8) + "\n" + source).isZero();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[]{src.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            loader.loadClass("ReadmeExample").getMethod("run").invoke(null);
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("prefers dark mode in every editor");
        assertThat(dir.resolve("memoria-data").resolve("memoria.mv.db")).exists();
    }
}
