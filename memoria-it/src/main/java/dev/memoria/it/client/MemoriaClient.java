package dev.memoria.it.client;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small client for Memoria's REST API, for tests and tools on the JVM: memories (store, retrieve, list, get,
 * delete), snapshots, branches, rollback and API keys. It uses the JDK's HTTP client and is safe to share
 * between threads.
 *
 * <pre>{@code
 * MemoriaClient admin = MemoriaClient.connect(URI.create("http://localhost:8100"), masterKey);
 * MemoriaClient alice = admin.asUser("alice");            // the master key acts for any user
 * alice.store("prefers dark mode");
 * alice.retrieve("which theme?", 3);
 *
 * CreatedApiKey key = admin.createApiKey("bob", "ci");   // or give a user a key of its own
 * MemoriaClient bob = MemoriaClient.connect(URI.create("http://localhost:8100"), key.rawKey());
 * }</pre>
 *
 * Every error status becomes a {@link MemoriaApiException} with the status and the server's message; a server
 * that cannot be reached becomes a {@link java.io.UncheckedIOException}.
 */
public final class MemoriaClient {

    /** Long enough for the first retrieval, which may wait for the embedding model to warm up. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** The largest page {@code GET /v1/snapshots} serves. */
    private static final int SNAPSHOT_PAGE = 500;

    private final HttpTransport transport;

    private MemoriaClient(HttpTransport transport) {
        this.transport = transport;
    }

    /**
     * A client authenticating with {@code token}: the master key (acting for user {@code default} until
     * {@link #asUser(String)}) or a user's API key (acting for that user).
     */
    public static MemoriaClient connect(URI baseUrl, String token) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        // HTTP/1.1: the server speaks it, and the JDK would otherwise try an h2c upgrade on every new connection
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        return new MemoriaClient(new HttpTransport(http, baseUrl, token, null, TIMEOUT));
    }

    /**
     * The same connection and credentials acting for {@code userId} (sent as {@code X-User-Id}). Only the master
     * key may act for other users; an API key always acts for its own user, whatever this says.
     */
    public MemoriaClient asUser(String userId) {
        return new MemoriaClient(transport.forUser(Objects.requireNonNull(userId, "userId")));
    }

    /** The server this client talks to. */
    public URI baseUrl() {
        return transport.base();
    }

    // ---- API keys

    /** Creates an API key for {@code userId} ({@code POST /auth/keys}); needs the master key. */
    public CreatedApiKey createApiKey(String userId, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", Objects.requireNonNull(userId, "userId"));
        body.put("name", name);
        return WireFormat.createdKey(transport.post("auth/keys", body).json());
    }

    /**
     * The active API keys of the user this client acts for, newest first ({@code GET /auth/keys}, a bare JSON array
     * as the existing service sends it).
     */
    public List<ApiKeyInfo> listApiKeys() {
        List<ApiKeyInfo> keys = new ArrayList<>();
        transport.get("auth/keys").json().forEach(item -> keys.add(WireFormat.apiKey(item)));
        return keys;
    }

    // ---- memories

    /** Stores {@code content} with the server's defaults; returns the stored memory (or the existing duplicate). */
    public Memory store(String content) {
        return store(StoreRequest.builder(content).build());
    }

    /** Stores a memory with the request's optional fields. */
    public Memory store(StoreRequest request) {
        return WireFormat.memory(transport.post("v1/memories", request.json()).json());
    }

    /** The {@code topK} memories most relevant to {@code query}, best first ({@code POST /v1/memories/retrieve}). */
    public List<Memory> retrieve(String query, int topK) {
        JsonNode json = transport.post("v1/memories/retrieve", Map.of("query", query, "top_k", topK)).json();
        List<Memory> memories = new ArrayList<>();
        json.forEach(item -> memories.add(WireFormat.memory(item)));
        return memories;
    }

    /** The first page (up to 100) of active memories on the checked-out branch, newest first. */
    public MemoryPage list() {
        return list(100, null);
    }

    /** A page of up to {@code limit} (1–500) active memories after {@code cursor} ({@code null}: from the start). */
    public MemoryPage list(int limit, String cursor) {
        String path = "v1/memories?limit=" + limit + (cursor == null ? "" : "&cursor=" + query(cursor));
        JsonNode json = transport.get(path).json();
        List<Memory> items = new ArrayList<>();
        json.path("items").forEach(item -> items.add(WireFormat.memory(item)));
        return new MemoryPage(items, WireFormat.text(json, "next_cursor"));
    }

    /** One memory by id; a missing one (or another user's) is a 404 {@link MemoriaApiException}. */
    public Memory get(String memoryId) {
        return WireFormat.memory(transport.get("v1/memories/" + segment(memoryId)).json());
    }

    /** Deletes a memory (soft: its version ends); returns the safety snapshot taken first. */
    public String delete(String memoryId) {
        return transport.delete("v1/memories/" + segment(memoryId)).safetySnapshot().orElse(null);
    }

    // ---- snapshots

    /** Takes a snapshot of the checked-out branch. */
    public Snapshot createSnapshot(String name) {
        return createSnapshot(name, null);
    }

    /** Takes a snapshot of the checked-out branch with a description. */
    public Snapshot createSnapshot(String name, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Objects.requireNonNull(name, "name"));
        if (description != null) {
            body.put("description", description);
        }
        return WireFormat.snapshot(transport.post("v1/snapshots", body).json());
    }

    /** Every snapshot of the user, the server's safety snapshots included ({@link Snapshot#safety()}). */
    public List<Snapshot> listSnapshots() {
        List<Snapshot> all = new ArrayList<>();
        boolean more = true;
        while (more) {
            JsonNode json = transport.get("v1/snapshots?limit=" + SNAPSHOT_PAGE + "&offset=" + all.size()).json();
            json.path("snapshots").forEach(item -> all.add(WireFormat.snapshot(item)));
            more = json.path("has_more").asBoolean(false) && json.path("snapshots").size() > 0;
        }
        return all;
    }

    /** Rolls the branch the snapshot was taken of back to it; the result names the safety snapshot that undoes it. */
    public RollbackResult rollback(String snapshotName) {
        return WireFormat.rollback(transport.post("v1/snapshots/" + segment(snapshotName) + "/rollback",
                Map.of()).json());
    }

    // ---- branches

    /** Creates a branch from main's current state; it is not checked out. */
    public Branch createBranch(String name) {
        return WireFormat.branch(transport.post("v1/branches", Map.of("name", name)).json());
    }

    /** Creates a branch from a snapshot's state. */
    public Branch createBranchFromSnapshot(String name, String snapshotName) {
        return WireFormat.branch(transport.post("v1/branches", Map.of("name", name, "from_snapshot", snapshotName))
                .json());
    }

    /** Makes {@code name} the branch that reads and writes go to; {@code main} switches back. */
    public Checkout checkout(String name) {
        JsonNode json = transport.post("v1/branches/" + segment(name) + "/checkout", Map.of()).json();
        return new Checkout(WireFormat.text(json, "branch"), json.path("memory_count").asLong());
    }

    /** Every branch of the user, main included; {@link Branch#active()} marks the checked-out one. */
    public List<Branch> listBranches() {
        List<Branch> branches = new ArrayList<>();
        transport.get("v1/branches").json().path("branches").forEach(item -> branches.add(WireFormat.branch(item)));
        return branches;
    }

    /** Merges a branch into main with the default strategy ({@link MergeStrategy#ACCEPT}). */
    public MergeResult merge(String name) {
        return merge(name, MergeStrategy.ACCEPT);
    }

    /** Merges a branch into main; a safety snapshot of main is taken first. */
    public MergeResult merge(String name, MergeStrategy strategy) {
        return WireFormat.merge(transport.post("v1/branches/" + segment(name) + "/merge",
                Map.of("strategy", strategy.wireName())).json());
    }

    /** Deletes a branch; main cannot be deleted, and deleting the checked-out branch checks out main. */
    public void deleteBranch(String name) {
        transport.delete("v1/branches/" + segment(name));
    }

    /** A path segment: percent-encoded, spaces as {@code %20} (URLEncoder writes form encoding). */
    private static String segment(String value) {
        return URLEncoder.encode(Objects.requireNonNull(value), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
