package dev.memoria.it.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** The command line of {@link LoadGenerator}, parsed once into values. */
public record LoadOptions(
        Mode mode,
        String url,
        String token,
        int users,
        int seed,
        String userPrefix,
        Workload workload,
        int concurrency,
        int seedConcurrency,
        Duration warmup,
        Duration duration,
        int rounds,
        Path jar,
        Path dataDir,
        long randomSeed) {

    /** What the run measures. */
    public enum Mode {
        /** Seed, then run a workload and print latency percentiles and throughput. */
        LOAD,
        /** Seed, then time snapshot create, branch create and rollback. */
        VERSIONING,
        /** Start the server jar and time until /health answers. */
        READY
    }

    static final String USAGE = """
            usage: LoadGenerator [--mode load|versioning|ready] [options]
              --url URL              server base URL                      (default http://127.0.0.1:8100)
              --token KEY            master key                           (default $MEMORIA_MASTER_KEY)
              --users N              users to spread the load over        (default 1)
              --seed N               memories to add per user first, 0 = none (default 1000)
              --user-prefix P        user ids are P-0 .. P-(N-1)          (default perf-<seed>)
              --workload W           retrieve | store | batch | mixed     (default mixed)
              --concurrency N        closed-loop workers                  (default 4)
              --seed-concurrency N   parallel batch requests while seeding (default 2)
              --warmup D             unmeasured run first, e.g. 5s        (default 5s)
              --duration D           measured run, e.g. 30s, 2m           (default 30s)
              --rounds N             versioning rounds                    (default 5)
              --jar PATH             server jar for --mode ready          (default memoria-server/target/memoria-server.jar)
              --data-dir PATH        ready: existing data dir to start on (default a fresh temp dir)
              --random-seed N        text generator seed                  (default 42)
            """;

    public List<String> userIds() {
        return IntStream.range(0, users).mapToObj(i -> userPrefix + "-" + i).toList();
    }

    public static LoadOptions parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                flags.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                flags.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("missing value for " + arg);
            }
        }
        int seed = Integer.parseInt(flags.getOrDefault("seed", "1000"));
        String token = flags.getOrDefault("token", System.getenv("MEMORIA_MASTER_KEY"));
        LoadOptions options = new LoadOptions(
                Mode.valueOf(flags.getOrDefault("mode", "load").toUpperCase(Locale.ROOT)),
                flags.getOrDefault("url", "http://127.0.0.1:8100"),
                token,
                Integer.parseInt(flags.getOrDefault("users", "1")),
                seed,
                flags.getOrDefault("user-prefix", "perf-" + seed),
                Workload.parse(flags.getOrDefault("workload", "mixed")),
                Integer.parseInt(flags.getOrDefault("concurrency", "4")),
                Integer.parseInt(flags.getOrDefault("seed-concurrency", "2")),
                duration(flags.getOrDefault("warmup", "5s")),
                duration(flags.getOrDefault("duration", "30s")),
                Integer.parseInt(flags.getOrDefault("rounds", "5")),
                Path.of(flags.getOrDefault("jar", "memoria-server/target/memoria-server.jar")),
                flags.containsKey("data-dir") ? Path.of(flags.get("data-dir")) : null,
                Long.parseLong(flags.getOrDefault("random-seed", "42")));
        flags.keySet().removeAll(List.of("mode", "url", "token", "users", "seed", "user-prefix", "workload",
                "concurrency", "seed-concurrency", "warmup", "duration", "rounds", "jar", "data-dir", "random-seed"));
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + flags.keySet());
        }
        if (options.token == null || options.token.isBlank()) {
            throw new IllegalArgumentException("--token (or MEMORIA_MASTER_KEY) is required");
        }
        if (options.users < 1 || options.concurrency < 1 || options.seed < 0 || options.rounds < 1) {
            throw new IllegalArgumentException("--users, --concurrency and --rounds must be ≥ 1, --seed ≥ 0");
        }
        return options;
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}; a bare number is seconds. */
    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(v));
    }
}
