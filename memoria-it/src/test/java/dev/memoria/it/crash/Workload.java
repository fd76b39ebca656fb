package dev.memoria.it.crash;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One client's sequence of random operations for one user: stores, batches, deletes, purges, snapshots,
 * rollbacks, branch creates, stores on branches and merges, each applied to the {@link UserState} model when it
 * is acknowledged. It runs until the server stops answering; the operation in flight at that moment is the one
 * whose outcome is open.
 */
final class Workload {

    /** Where a workload ended: the acceptable states of the user (two when an operation was cut off). */
    record Ending(List<UserState> acceptable, String inFlight, int acknowledged, List<String> serverErrors,
                  List<String> lastOperations) {
    }

    private interface Operation {
        /** Sends the request; returns the state it leads to, or null when the server refused it (4xx). */
        UserState send() throws IOException, InterruptedException;
    }

    private final Api api;
    private final Random random;
    private final String tag;
    private final Map<String, String> idsByContent = new HashMap<>();
    private final List<String> serverErrors = new ArrayList<>();
    private UserState state = UserState.empty();
    private int counter;
    private int acknowledged;

    Workload(Api api, Random random, String tag) {
        this.api = api;
        this.random = random;
        this.tag = tag;
    }

    Ending run(int seedBatches) {
        String description = "nothing";
        try {
            for (int i = 0; i < seedBatches; i++) {
                description = "seed batch " + i;
                apply(batch(100));
            }
            while (true) {
                int pick = random.nextInt(100);
                Op op = choose(pick);
                description = op.description;
                apply(op.operation);
                history.add(op.description + " (" + counter + ") acknowledged at " + java.time.Instant.now());
                if (history.size() > 6) {
                    history.remove(0);
                }
            }
        } catch (IOException | InterruptedException | IllegalStateException cutOff) {
            history.add("in flight: " + description);
            return new Ending(List.of(state, pendingAfter == null ? state : pendingAfter), description, acknowledged,
                    serverErrors, List.copyOf(history));
        }
    }

    private record Op(String description, Operation operation) {
    }

    private UserState pendingAfter;
    private final List<String> history = new ArrayList<>();

    private void apply(Operation operation) throws IOException, InterruptedException {
        UserState after = operation.send();
        pendingAfter = null;
        if (after != null) {
            state = after;
            acknowledged++;
        }
    }

    private Op choose(int pick) {
        List<String> branchNames = new ArrayList<>(state.branches().keySet());
        List<String> snapshotNames = new ArrayList<>(state.snapshots().keySet());
        if (pick < 30) {
            return new Op("store", this::storeOne);
        }
        if (pick < 42) {
            return new Op("batch", batch(1 + random.nextInt(30)));
        }
        if (pick < 52 && !state.main().isEmpty()) {
            return new Op("delete", this::deleteOne);
        }
        if (pick < 60 && !state.main().isEmpty()) {
            return new Op("purge", this::purgeSome);
        }
        if (pick < 68 && snapshotNames.size() < 5) {
            return new Op("snapshot", this::snapshot);
        }
        if (pick < 76 && !snapshotNames.isEmpty()) {
            String name = snapshotNames.get(random.nextInt(snapshotNames.size()));
            return new Op("rollback to " + name, () -> rollback(name));
        }
        if (pick < 84 && branchNames.size() < 3) {
            return new Op("branch create", this::branch);
        }
        if (pick < 93 && !branchNames.isEmpty()) {
            String name = branchNames.get(random.nextInt(branchNames.size()));
            return new Op("store on " + name, () -> storeOnBranch(name));
        }
        if (!branchNames.isEmpty()) {
            String name = branchNames.get(random.nextInt(branchNames.size()));
            return new Op("merge " + name, () -> merge(name));
        }
        return new Op("store", this::storeOne);
    }

    /** Unique text with no digit runs, which the sensitive-data screen could take for a phone or card number. */
    private String nextContent() {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return tag + " note " + (counter++) + " " + word;
    }

    private Api.Reply send(String method, String path, Object body) throws IOException, InterruptedException {
        Api.Reply reply = api.call(method, path, body);
        if (reply.status() >= 500) {
            serverErrors.add(method + " " + path + " -> " + reply.status() + " " + reply.text());
            // the outcome of a failed request is open, like that of a cut-off one
            throw new IllegalStateException("server error");
        }
        return reply;
    }

    private UserState storeOne() throws IOException, InterruptedException {
        String content = nextContent();
        pendingAfter = state.stored(Set.of(content));
        Api.Reply reply = send("POST", "/v1/memories", Map.of("content", content));
        if (!reply.ok()) {
            return null;
        }
        idsByContent.put(content, reply.body().get("memory_id").asText());
        return pendingAfter;
    }

    private Operation batch(int size) {
        return () -> {
            Set<String> contents = new LinkedHashSet<>();
            List<Map<String, String>> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String content = nextContent();
                contents.add(content);
                items.add(Map.of("content", content));
            }
            pendingAfter = state.stored(contents);
            Api.Reply reply = send("POST", "/v1/memories/batch", Map.of("memories", items));
            if (!reply.ok()) {
                return null;
            }
            JsonNode list = reply.body().isArray() ? reply.body() : reply.body().path("memories");
            list.forEach(m -> idsByContent.put(m.get("content").asText(), m.get("memory_id").asText()));
            return pendingAfter;
        };
    }

    private String someMainContent() {
        List<String> known = state.main().stream().filter(idsByContent::containsKey).toList();
        return known.isEmpty() ? null : known.get(random.nextInt(known.size()));
    }

    private UserState deleteOne() throws IOException, InterruptedException {
        String content = someMainContent();
        if (content == null) {
            return storeOne();
        }
        pendingAfter = state.removed(Set.of(content));
        Api.Reply reply = send("DELETE", "/v1/memories/" + idsByContent.get(content), null);
        return reply.ok() ? pendingAfter : null;
    }

    private UserState purgeSome() throws IOException, InterruptedException {
        Set<String> contents = new LinkedHashSet<>();
        for (int i = 0; i < 3; i++) {
            String content = someMainContent();
            if (content != null) {
                contents.add(content);
            }
        }
        if (contents.isEmpty()) {
            return storeOne();
        }
        pendingAfter = state.removed(contents);
        List<String> ids = contents.stream().map(idsByContent::get).toList();
        Api.Reply reply = send("POST", "/v1/memories/purge", Map.of("memory_ids", ids));
        return reply.ok() ? pendingAfter : null;
    }

    private UserState snapshot() throws IOException, InterruptedException {
        String name = "s" + (counter++);
        pendingAfter = state.snapshot(name);
        Api.Reply reply = send("POST", "/v1/snapshots", Map.of("name", name));
        return reply.ok() ? pendingAfter : null;
    }

    private UserState rollback(String name) throws IOException, InterruptedException {
        pendingAfter = state.rolledBack(name);
        Api.Reply reply = send("POST", "/v1/snapshots/" + name + "/rollback", Map.of());
        return reply.ok() ? pendingAfter : null;
    }

    private UserState branch() throws IOException, InterruptedException {
        String name = "b" + (counter++);
        pendingAfter = state.branched(name);
        Api.Reply reply = send("POST", "/v1/branches", Map.of("name", name));
        return reply.ok() ? pendingAfter : null;
    }

    private UserState storeOnBranch(String name) throws IOException, InterruptedException {
        String content = nextContent();
        pendingAfter = state.storedOnBranch(name, content);
        Api.Reply reply = send("POST", "/v1/memories", Map.of("content", content, "branch", name));
        if (!reply.ok()) {
            return null;
        }
        idsByContent.put(content, reply.body().get("memory_id").asText());
        return pendingAfter;
    }

    private UserState merge(String name) throws IOException, InterruptedException {
        pendingAfter = state.merged(name);
        Api.Reply reply = send("POST", "/v1/branches/" + name + "/merge", Map.of());
        return reply.ok() ? pendingAfter : null;
    }
}
