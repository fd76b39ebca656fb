package dev.memoria.it.junit;

import dev.memoria.it.client.MemoriaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Per-class lifecycle, seen from outside: fixture classes run through the JUnit launcher, and afterwards their
 * server no longer answers and its data directory is gone.
 */
class MemoriaServerLifecycleTest {

    private static final String LAUNCHING = "dev.memoria.it.junit.MemoriaServerLifecycleTest#launching";

    /** Filled by the fixtures as they run. */
    static final List<MemoriaServerInfo> SEEN = new CopyOnWriteArrayList<>();
    /** True only while {@link #run} runs a fixture, so that a surefire or IDE pattern matching them skips them. */
    private static volatile boolean launching;

    static boolean launching() {
        return launching;
    }

    @Test
    void oneServerServesEveryTestOfAClassAndIsGoneAfterIt() {
        SEEN.clear();

        TestExecutionSummary summary = run(TwoTests.class);

        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SEEN).hasSize(2);
        MemoriaServerInfo info = SEEN.get(0);
        assertThat(SEEN.get(1)).isEqualTo(info);
        assertThat(info.dataDir()).doesNotExist();
        MemoriaClient afterwards = info.client();
        assertThatThrownBy(afterwards::list).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void eachClassGetsItsOwnServer() {
        SEEN.clear();

        run(TwoTests.class);
        run(TwoTests.class);

        assertThat(SEEN).hasSize(4);
        assertThat(SEEN.get(2).masterKey()).isNotEqualTo(SEEN.get(0).masterKey());
        assertThat(SEEN.get(2).dataDir()).isNotEqualTo(SEEN.get(0).dataDir());
    }

    @Test
    void aSettingTheHarnessOwnsFailsTheClassWithTheReason() {
        TestExecutionSummary summary = run(OverridesThePort.class);

        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(summary.getFailures()).singleElement().satisfies(failure -> assertThat(failure.getException())
                .hasMessageContaining("memoria.port is set by the test harness"));
    }

    private static TestExecutionSummary run(Class<?> fixture) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launching = true;
        try {
            launcher.execute(request().selectors(selectClass(fixture)).build(), listener);
        } finally {
            launching = false;
        }
        return listener.getSummary();
    }

    /** Runs only through {@link #run}. */
    @EnabledIf(LAUNCHING)
    @MemoriaServerTest(config = "memoria.embedding.provider=none")
    static class TwoTests {

        @Test
        void first(MemoriaServerInfo info) {
            SEEN.add(info);
            assertThat(Files.isDirectory(info.dataDir())).isTrue();
        }

        @Test
        void second(MemoriaServerInfo info, MemoriaClient client) {
            SEEN.add(info);
            client.asUser("lifecycle").store("written by the second test");
        }
    }

    /** Runs only through {@link #run}. */
    @EnabledIf(LAUNCHING)
    @MemoriaServerTest(config = "memoria.port=8100")
    static class OverridesThePort {

        @Test
        void neverRuns() {
        }
    }
}
