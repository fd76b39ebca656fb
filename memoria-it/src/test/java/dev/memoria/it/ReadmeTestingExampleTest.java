package dev.memoria.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Testing your application" example is the example project's test, which the invoker build
 * compiles and runs against the installed artifacts; this keeps the README's copy identical to it.
 */
class ReadmeTestingExampleTest {

    @Test
    void theReadmeExampleIsTheExampleProjectsTest() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Testing your application"));
        int open = section.indexOf("```java") + "```java".length();
        String block = section.substring(open, section.indexOf("```", open)).strip();

        String test = Files.readString(Path.of("..", "docs", "examples", "memoria-example", "src", "test", "java",
                "com", "example", "notes", "RememberingTest.java"));

        assertThat(test.substring(test.indexOf("import ")).strip()).isEqualTo(block);
    }
}
