package dev.memoria.it.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test class against a real Memoria server: started once before the class's first test on a free port,
 * with a fresh temporary data directory and a generated master key, and stopped (its directory deleted) after
 * the last. Test methods, constructors, lifecycle methods and fields of type {@link MemoriaServerInfo} or
 * {@link dev.memoria.it.client.MemoriaClient} receive the running server and a client holding its master key.
 *
 * <pre>{@code
 * @MemoriaServerTest
 * class RememberingTest {
 *     @Test
 *     void remembers(MemoriaClient client) {
 *         MemoriaClient alice = client.asUser("alice");
 *         alice.store("prefers dark mode");
 *         assertThat(alice.retrieve("theme?", 1)).isNotEmpty();
 *     }
 * }
 * }</pre>
 *
 * The server runs inside the test JVM with the standalone server's defaults (embedded H2 database, local
 * embedding model); {@link #config()} overrides any setting. Tests in one class share the server, so give each
 * test its own user ids when they must not see each other's memories.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MemoriaServerExtension.class)
public @interface MemoriaServerTest {

    /**
     * Server settings as {@code key=value}, with the keys of the server's {@code reference.conf}, e.g.
     * {@code "memoria.embedding.provider=none"} for keyword-only retrieval without loading the model (faster
     * start). Port, data directory and master key are the harness's and cannot be overridden here.
     */
    String[] config() default {};
}
