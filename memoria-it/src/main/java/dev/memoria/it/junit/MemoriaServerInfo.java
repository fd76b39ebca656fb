package dev.memoria.it.junit;

import dev.memoria.it.client.MemoriaClient;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the harness's server listens and how to authenticate to it.
 *
 * @param baseUrl   e.g. {@code http://127.0.0.1:43117/}, for the application under test
 * @param masterKey the server's admin bearer token; it also acts for any user through {@code X-User-Id}
 * @param dataDir   the server's temporary data directory, deleted after the test class
 */
public record MemoriaServerInfo(URI baseUrl, String masterKey, Path dataDir) {

    /** The port of {@link #baseUrl()}. */
    public int port() {
        return baseUrl.getPort();
    }

    /** A new client authenticating with the master key. */
    public MemoriaClient client() {
        return MemoriaClient.connect(baseUrl, masterKey);
    }

    /** Leaves the master key out, so that a logged record does not leak it. */
    @Override
    public String toString() {
        return "MemoriaServerInfo[baseUrl=" + baseUrl + ", dataDir=" + dataDir + "]";
    }
}
