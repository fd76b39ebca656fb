package dev.memoria.it.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Times the versioning operations at the user's current size: snapshot create, branch create and rollback.
 * Each round leaves the user as it found it (the branch, the snapshot and rollback's safety snapshot are
 * deleted untimed), so rounds are independent and the per-user quotas are never reached. Ten memories are
 * written between snapshot and rollback so that rollback has real work to undo.
 */
public final class VersioningProbe {

    public static final String SNAPSHOT_CREATE = "snapshot_create";
    public static final String BRANCH_CREATE = "branch_create";
    public static final String ROLLBACK = "rollback";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int CHANGES_BEFORE_ROLLBACK = 10;

    private final MemoriaClient client;
    private final SentenceGenerator text;

    public VersioningProbe(MemoriaClient client, long randomSeed) {
        this.client = client;
        this.text = new SentenceGenerator(randomSeed);
    }

    /** Runs {@code rounds} rounds for {@code user}; the first round is a warm-up and is not recorded. */
    public Map<String, OperationStats> run(String user, int rounds) {
        Map<String, OperationStats> stats = new LinkedHashMap<>();
        for (String op : new String[] {SNAPSHOT_CREATE, BRANCH_CREATE, ROLLBACK}) {
            stats.put(op, new OperationStats());
        }
        for (int round = 0; round <= rounds; round++) {
            boolean record = round > 0;
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String snapshot = "perf-snap-" + tag;
            String branch = "perf-branch-" + tag;

            HttpResult created = expect(client.post(user, "/v1/snapshots", Json.of(Map.of("name", snapshot))), 201);
            recordIf(record, stats.get(SNAPSHOT_CREATE), created);

            HttpResult forked = expect(client.post(user, "/v1/branches", Json.of(Map.of("name", branch))), 201);
            recordIf(record, stats.get(BRANCH_CREATE), forked);
            expect(client.delete(user, "/v1/branches/" + branch), 200, 204);

            expect(client.post(user, "/v1/memories/batch", Operation.batchBody(text, CHANGES_BEFORE_ROLLBACK)), 201);
            HttpResult rolledBack = expect(client.post(user, "/v1/snapshots/" + snapshot + "/rollback", "{}"), 200);
            recordIf(record, stats.get(ROLLBACK), rolledBack);

            String safety = field(rolledBack, "safety_snapshot");
            if (safety != null) {
                expect(client.delete(user, "/v1/snapshots/" + safety), 200, 204);
            }
            expect(client.delete(user, "/v1/snapshots/" + snapshot), 200, 204);
        }
        return stats;
    }

    public static void print(PrintStream out, Map<String, OperationStats> stats) {
        out.printf("%-16s %6s %8s %8s %8s %8s%n", "operation", "runs", "p50 ms", "mean ms", "max ms", "errors");
        stats.forEach((op, s) -> out.printf("%-16s %6d %8.1f %8.1f %8.1f %8d%n",
                op, s.successes(), s.millisAt(50), s.meanMillis(), s.maxMillis(), s.errors()));
    }

    private static void recordIf(boolean record, OperationStats stats, HttpResult result) {
        if (record) {
            stats.success(result.nanos(), 1);
        }
    }

    private static HttpResult expect(HttpResult result, int... statuses) {
        for (int status : statuses) {
            if (result.status() == status) {
                return result;
            }
        }
        throw new IllegalStateException("unexpected status " + result.status() + ": " + result.body());
    }

    private static String field(HttpResult result, String name) {
        try {
            JsonNode value = MAPPER.readTree(result.body()).get(name);
            return value == null || value.isNull() ? null : value.asText();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
