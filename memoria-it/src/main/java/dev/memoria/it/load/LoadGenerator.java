package dev.memoria.it.load;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Command-line entry point of the HTTP load generator. See {@link LoadOptions#USAGE} and docs/PERFORMANCE.md.
 * It prints numbers and never judges them: targets are compared in the document, not asserted in code.
 */
public final class LoadGenerator {

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.println("loadavg " + loadAverage());
        switch (options.mode()) {
            case READY -> ready(options);
            case VERSIONING -> versioning(options);
            case LOAD -> load(options);
        }
        System.out.println("loadavg " + loadAverage());
    }

    private static void load(LoadOptions options) {
        MemoriaClient client = new MemoriaClient(options.url(), options.token());
        seed(client, options);
        LoadRunner runner = new LoadRunner(client, options.userIds(), options.randomSeed());
        LoadReport report = runner.run(options.workload(), options.concurrency(), options.warmup(), options.duration());
        report.print(System.out);
        runner.errorSamples().forEach(error -> System.out.println("error: " + error));
    }

    private static void versioning(LoadOptions options) {
        MemoriaClient client = new MemoriaClient(options.url(), options.token());
        seed(client, options);
        String user = options.userIds().get(0);
        Map<String, OperationStats> stats = new VersioningProbe(client, options.randomSeed()).run(user, options.rounds());
        System.out.println("versioning of " + user + " (" + options.rounds() + " rounds after one warm-up round)");
        VersioningProbe.print(System.out, stats);
    }

    private static void ready(LoadOptions options) throws Exception {
        if (!Files.isRegularFile(options.jar())) {
            throw new IllegalArgumentException("no server jar at " + options.jar() + " (build it first)");
        }
        ReadinessProbe probe = new ReadinessProbe(options.jar(), options.token());
        for (int run = 1; run <= options.rounds(); run++) {
            Duration ready = probe.measure(options.dataDir());
            System.out.printf("ready run %d: %d ms%n", run, ready.toMillis());
        }
    }

    private static void seed(MemoriaClient client, LoadOptions options) {
        if (options.seed() == 0) {
            return;
        }
        List<String> users = options.userIds();
        Seeder.SeedReport seeded = new Seeder(client, options.randomSeed())
                .seed(users, options.seed(), options.seedConcurrency());
        System.out.printf("seeded %d memories for %d user(s) in %.1f s (%.1f memories/s)%n", seeded.memories(),
                users.size(), seeded.elapsed().toNanos() / 1e9, seeded.perSecond());
    }

    /** The 1/5/15 minute load average, printed with every result because the machine is shared. */
    static String loadAverage() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
