package dev.memoria.it.junit;

import dev.memoria.it.client.MemoriaClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** What a test class annotated with {@link MemoriaServerTest} receives while it runs. */
@MemoriaServerTest(config = "memoria.embedding.provider=none")
class MemoriaServerExtensionTest {

    static MemoriaServerInfo staticInfo;
    static MemoriaServerInfo fromBeforeAll;

    MemoriaServerInfo info;
    MemoriaClient client;

    @BeforeAll
    static void lifecycleMethodsReceiveTheServerToo(MemoriaServerInfo info) {
        fromBeforeAll = info;
    }

    @Test
    void fieldsAndParametersDescribeOneRunningServer(MemoriaServerInfo parameter, MemoriaClient parameterClient)
            throws Exception {
        assertThat(info).isEqualTo(parameter).isEqualTo(staticInfo).isEqualTo(fromBeforeAll);
        assertThat(info.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(info.port()).isPositive();
        assertThat(info.masterKey()).hasSize(64);
        assertThat(Files.isDirectory(info.dataDir())).isTrue();
        assertThat(client).isNotNull();
        assertThat(parameterClient.baseUrl()).isEqualTo(info.baseUrl());

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(info.baseUrl().resolve("health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.body()).isEqualTo("ok");
    }

    @Test
    void theInjectedClientHoldsTheMasterKey() {
        // only the master key may create keys, so this passing shows which token the client sends
        assertThat(client.createApiKey("extension-test-user", "probe").rawKey()).isNotBlank();
    }

    @Test
    void theMasterKeyIsNotInTheRecordsText() {
        assertThat(info.toString()).doesNotContain(info.masterKey()).contains(info.baseUrl().toString());
    }

    @Nested
    class NestedClasses {

        @Test
        void shareTheEnclosingClassesServer(MemoriaServerInfo nested) {
            assertThat(nested).isEqualTo(staticInfo);
            assertThat(URI.create(nested.baseUrl().toString())).isEqualTo(info.baseUrl());
        }
    }
}
