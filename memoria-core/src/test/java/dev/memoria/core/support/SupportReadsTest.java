package dev.memoria.core.support;

import dev.memoria.core.Memoria;
import dev.memoria.core.testing.InMemoryOperations;
import dev.memoria.core.testing.InMemoryStorage;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.ReadAcrossUsers;
import dev.memoria.ports.in.StoreCommand;
import dev.memoria.ports.model.Memory;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The master key's read across users: found by id whoever owns it, and audited when it is someone else's. */
class SupportReadsTest {

    private final Instant now = Instant.parse("2026-06-10T12:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final InMemoryStorage storage = new InMemoryStorage(clock);
    private final InMemoryOperations operations = new InMemoryOperations();
    private final Memoria memoria = Memoria.builder().storage(storage.ports()).clock(clock)
            .operations(operations.ports()).build();
    private final ReadAcrossUsers support = memoria.support();

    private Memory store(String user, String content) {
        return memoria.store(new StoreCommand(Caller.of(user), content, null, null, null, null, null, null, null));
    }

    @Test
    void anotherUsersMemoryIsFoundAndTheReadAudited() {
        Memory bobs = store("bob", "bob's deploy notes");

        assertThat(support.supportRead("support-desk", bobs.memoryId())).get()
                .extracting(Memory::content, Memory::userId).containsExactly("bob's deploy notes", "bob");

        assertThat(operations.audit).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("master");
            assertThat(entry.actingUser()).isEqualTo("support-desk");
            assertThat(entry.action()).isEqualTo("support_read");
            assertThat(entry.userId()).isEqualTo("bob");
            assertThat(entry.target()).isEqualTo(bobs.memoryId());
            assertThat(entry.at()).isEqualTo(now);
        });
        assertThat(support.auditTrail(10)).hasSize(1);
    }

    @Test
    void theActingUsersOwnMemoryIsAnOrdinaryReadAndNotAudited() {
        Memory own = store("alice", "alice's own note");

        assertThat(support.supportRead("alice", own.memoryId())).get().extracting(Memory::content)
                .isEqualTo("alice's own note");
        assertThat(operations.audit).isEmpty();
    }

    @Test
    void missingDeletedAndMalformedIdsAreEmptyAndUnaudited() {
        Memory deleted = store("bob", "soon gone");
        memoria.delete(Caller.of("bob"), deleted.memoryId());

        assertThat(support.supportRead("desk", deleted.memoryId())).isEmpty();
        assertThat(support.supportRead("desk", "0".repeat(32))).isEmpty();
        assertThat(support.supportRead("desk", "not-an-id")).isEmpty();
        assertThat(operations.audit).isEmpty();
    }

    @Test
    void theTrailLimitIsChecked() {
        assertThatThrownBy(() -> support.auditTrail(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> support.auditTrail(501)).isInstanceOf(InvalidInputException.class);
    }
}
