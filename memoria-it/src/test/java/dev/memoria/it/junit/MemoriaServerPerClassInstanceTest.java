package dev.memoria.it.junit;

import dev.memoria.it.client.MemoriaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one test instance per class, JUnit creates the instance before {@code beforeAll}: the server is then
 * started for the constructor and field injection, and is still the one every test sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@MemoriaServerTest(config = "memoria.embedding.provider=none")
class MemoriaServerPerClassInstanceTest {

    private final MemoriaServerInfo fromConstructor;
    MemoriaClient client;

    MemoriaServerPerClassInstanceTest(MemoriaServerInfo info) {
        this.fromConstructor = info;
    }

    @Test
    void constructorFieldsAndParametersShareOneServer(MemoriaServerInfo parameter) {
        assertThat(parameter).isEqualTo(fromConstructor);
        assertThat(client.baseUrl()).isEqualTo(fromConstructor.baseUrl());
    }

    @Test
    void theClientWorks() {
        MemoriaClient user = client.asUser("per-class");
        user.store("per-class instances get a working client");

        assertThat(user.list().items()).hasSize(1);
    }
}
