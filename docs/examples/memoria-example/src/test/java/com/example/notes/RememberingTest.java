package com.example.notes;

// The README's "Testing your application" example is this file from the first import on; a test in memoria-it
// checks that the two stay the same.
import dev.memoria.it.client.MemoriaApiException;
import dev.memoria.it.client.MemoriaClient;
import dev.memoria.it.junit.MemoriaServerInfo;
import dev.memoria.it.junit.MemoriaServerTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@MemoriaServerTest
class RememberingTest {

    MemoriaServerInfo server;   // base URL and master key of the server started for this class
    MemoriaClient admin;        // a client holding the master key

    @Test
    void remembersAndRollsBack() {
        MemoriaClient alice = admin.asUser("alice");
        alice.store("prefers dark mode in every editor");
        alice.createSnapshot("before-experiment");
        alice.store("wants to try a light theme");

        alice.rollback("before-experiment");

        assertEquals(1, alice.list().items().size());
        assertEquals("prefers dark mode in every editor",
                alice.retrieve("which editor theme does alice like?", 1).get(0).content());
    }

    @Test
    void givesTheApplicationItsOwnKey() {
        String apiKey = admin.createApiKey("bob", "notes-app").rawKey();
        // configure the application under test with server.baseUrl() and apiKey; here, a client stands in for it
        MemoriaClient app = MemoriaClient.connect(server.baseUrl(), apiKey);
        app.store("bob's standup is at 10:15");

        MemoriaApiException error = assertThrows(MemoriaApiException.class, () -> app.rollback("no-such-snapshot"));
        assertEquals(404, error.status());
        assertEquals("snapshot_not_found", error.code());
    }
}
