package dev.memoria.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.memoria.core.Memoria;
import dev.memoria.ports.error.ForbiddenException;
import dev.memoria.ports.error.InvalidInputException;
import dev.memoria.ports.error.NotFoundException;
import dev.memoria.ports.in.AsOf;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.ExplainLevel;
import dev.memoria.ports.in.InputTimestamp;
import dev.memoria.ports.in.MemoryHistory;
import dev.memoria.ports.in.Profile;
import dev.memoria.ports.in.RetrievalResult;
import dev.memoria.ports.in.ScoredMemory;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.MemoryStats;
import dev.memoria.ports.model.MemoryType;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.model.TrustTier;
import io.javalin.config.RoutesConfig;
import dev.memoria.server.auth.Principal;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Routes that read memories: retrieval by meaning, lists, structured and full-text queries, history, profile. */
public final class MemoryReadRoutes {

    private static final Set<String> QUERY_FIELDS = Set.of("extra_metadata_filter", "subject_id", "session_id",
            "trust_tier", "branch", "memory_types", "limit", "cursor", "as_of_snapshot", "as_of");
    private static final Set<String> FULLTEXT_FIELDS = Set.of("query", "extra_metadata_filter", "subject_id",
            "memory_types", "session_id", "trust_tier", "branch", "limit");
    private static final Pattern CURSOR = Pattern.compile("[0-9a-fA-F]{32}");

    private final Memoria memoria;
    private final ObjectMapper mapper;
    private final RetrievalRequests retrievalRequests;

    public MemoryReadRoutes(Memoria memoria, ObjectMapper mapper) {
        this.memoria = memoria;
        this.mapper = mapper;
        this.retrievalRequests = new RetrievalRequests(mapper);
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1/memories/retrieve", ctx -> retrieve(ctx, 5));
        routes.post("/v1/memories/search", ctx -> retrieve(ctx, 10));
        routes.get("/v1/memories", this::list);
        routes.post("/v1/memories/query", this::structuredQuery);
        routes.post("/v1/memories/fulltext-search", this::fulltext);
        routes.get("/v1/memories/{id}", this::get);
        routes.get("/v1/memories/{id}/history", this::history);
        routes.get("/v1/profiles/{target}", this::profile);
    }

    private void retrieve(Context ctx, int defaultTopK) {
        JsonBody body = JsonBody.of(ctx, mapper);
        var query = retrievalRequests.query(ctx, body, defaultTopK);
        RetrievalResult result = memoria.retrieve(query);
        List<Map<String, Object>> items = result.memories().stream()
                .map(s -> MemoryJson.of(s.memory(), s.score())).toList();
        if (query.explain() == ExplainLevel.NONE) {
            ctx.json(items);
            return;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("results", items);
        json.put("explain", ExplainJson.of(result.explain()));
        ctx.json(json);
    }

    private void list(Context ctx) {
        int limit = Math.max(1, Math.min(500, Requests.intQuery(ctx, "limit", 100)));
        String cursor = Requests.query(ctx, "cursor");
        if (cursor != null && !CURSOR.matcher(cursor).matches()) {
            cursor = null;
        }
        MemoryFilter filter = MemoryFilter.ALL;
        String type = Requests.query(ctx, "memory_type");
        if (type != null) {
            filter = filter.withTypes(Set.of(MemoryType.parse(type)));
        }
        String session = Requests.query(ctx, "session_id");
        if (session != null) {
            filter = filter.withSession(SessionFilter.exactly(session));
        }
        String subject = Requests.query(ctx, "subject_id");
        if (subject != null) {
            filter = filter.withSubject(subject.trim());
        }
        String tier = Requests.query(ctx, "trust_tier");
        if (tier != null) {
            filter = filter.withTrustTier(TrustTier.parse(tier));
        }
        AsOf asOf = new AsOf(Requests.query(ctx, "as_of_snapshot"), InputTimestamp.parse("as_of", Requests.query(ctx, "as_of")));
        MemoryPage page = memoria.list(Requests.caller(ctx), filter,
                new PageRequest(cursor == null ? null : cursor.toLowerCase(java.util.Locale.ROOT), limit), asOf);
        ctx.json(pageJson(page));
    }

    private static Map<String, Object> pageJson(MemoryPage page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.items().stream().map(MemoryJson::of).toList());
        json.put("next_cursor", page.nextCursor());
        return json;
    }

    private void structuredQuery(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper).onlyFields(QUERY_FIELDS);
        MemoryFilter filter = MemoryFilter.ALL.withMetadataEquals(metadataFilter(body));
        boolean selector = filter.hasMetadataCondition();
        String subject = nonBlankIfPresent(body, "subject_id");
        if (subject != null) {
            filter = filter.withSubject(subject);
            selector = true;
        }
        String session = nonBlankIfPresent(body, "session_id");
        if (session != null) {
            filter = filter.withSession(SessionFilter.exactly(session));
            selector = true;
        }
        String tier = nonBlankIfPresent(body, "trust_tier");
        if (tier != null) {
            filter = filter.withTrustTier(TrustTier.parse(tier));
            selector = true;
        }
        List<String> types = body.stringList("memory_types");
        if (types != null) {
            if (types.isEmpty() || types.stream().anyMatch(String::isBlank)) {
                throw new InvalidInputException("invalid_field",
                        "memory_types must contain only non-empty values when provided");
            }
            filter = filter.withTypes(body.memoryTypes("memory_types"));
            selector = true;
        }
        String branch = nonBlankIfPresent(body, "branch");
        if (branch != null) {
            selector = true;
        }
        if (!selector) {
            throw new InvalidInputException("selector_required", "structured query requires at least one filter selector");
        }
        Integer limit = body.integer("limit");
        if (limit != null && (limit < 1 || limit > 500)) {
            throw new InvalidInputException("invalid_limit", "limit must be between 1 and 500");
        }
        String cursor = body.string("cursor");
        if (cursor != null && !CURSOR.matcher(cursor).matches()) {
            throw new InvalidInputException("invalid_cursor", "cursor must be a 32-character hexadecimal memory_id");
        }
        AsOf asOf = new AsOf(body.optionalText("as_of_snapshot"), body.timestamp("as_of"));
        MemoryPage page = memoria.list(Requests.caller(ctx, branch), filter,
                new PageRequest(cursor == null ? null : cursor.toLowerCase(java.util.Locale.ROOT),
                        limit == null ? 100 : limit), asOf);
        ctx.json(pageJson(page));
    }

    private static String nonBlankIfPresent(JsonBody body, String field) {
        String value = body.string(field);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidInputException("invalid_field", field + " must not be empty when provided");
        }
        return value.trim();
    }

    /** The filter's limits (fields, key pattern, value size) are {@link MemoryFilter}'s own. */
    private Map<String, Object> metadataFilter(JsonBody body) {
        Map<String, Object> filter = body.object("extra_metadata_filter");
        return filter == null ? Map.of() : filter;
    }

    private void fulltext(Context ctx) {
        JsonBody body = JsonBody.of(ctx, mapper).onlyFields(FULLTEXT_FIELDS);
        String query = body.requiredString("query");
        MemoryFilter filter = MemoryFilter.ALL.withMetadataEquals(metadataFilter(body));
        String subject = body.optionalText("subject_id");
        if (subject != null) {
            filter = filter.withSubject(subject.trim());
        }
        String session = body.optionalText("session_id");
        if (session != null) {
            filter = filter.withSession(SessionFilter.exactly(session));
        }
        String tier = body.optionalText("trust_tier");
        if (tier != null) {
            filter = filter.withTrustTier(TrustTier.parse(tier));
        }
        List<String> types = body.stringList("memory_types");
        if (types != null && types.stream().anyMatch(String::isBlank)) {
            throw new InvalidInputException("invalid_field", "memory_types entries must not be empty when provided");
        }
        filter = filter.withTypes(body.memoryTypes("memory_types"));
        Integer limit = body.integer("limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw new InvalidInputException("invalid_limit", "limit must be between 1 and 100");
        }
        Caller caller = Requests.caller(ctx, body.string("branch"));
        List<ScoredMemory> hits = memoria.fulltext(caller, query, filter, limit == null ? 20 : limit);
        ctx.json(hits.stream().map(s -> MemoryJson.of(s.memory(), s.score())).toList());
    }

    /**
     * One memory. The master key finds it whoever owns it (support work, audited; without {@code ?branch=}), an API
     * key only in its own user's data: another user's memory is a 404 exactly like a missing one.
     */
    private void get(Context ctx) {
        Principal principal = Requests.principal(ctx);
        Memory memory = (principal.master() && Requests.query(ctx, "branch") == null
                ? memoria.support().supportRead(principal.userId(), ctx.pathParam("id"))
                : memoria.get(Requests.caller(ctx), ctx.pathParam("id")))
                .orElseThrow(() -> new NotFoundException("memory_not_found", "Memory not found"));
        ctx.json(MemoryJson.of(memory));
    }

    private void history(Context ctx) {
        MemoryHistory history = memoria.history(Requests.caller(ctx), ctx.pathParam("id"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("memory_id", history.memoryId());
        json.put("versions", history.versions().stream().map(m -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("memory_id", m.memoryId());
            item.put("content", m.content());
            item.put("is_active", m.active());
            item.put("superseded_by", m.supersededBy());
            item.put("observed_at", MemoryJson.timestamp(m.observedAt()));
            item.put("memory_type", m.memoryType().wireName());
            return item;
        }).toList());
        json.put("total", history.versions().size());
        ctx.json(json);
    }

    private void profile(Context ctx) {
        String target = ctx.pathParam("target");
        var principal = Requests.principal(ctx);
        String user = "me".equals(target) ? principal.userId() : target;
        if (!user.equals(principal.userId()) && !principal.master()) {
            throw new ForbiddenException("forbidden", "Cannot access other users' profiles");
        }
        Caller caller = new Caller(user, Requests.query(ctx, "branch"));
        Profile profile = memoria.profile(caller, Requests.query(ctx, "subject_id"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user_id", profile.userId());
        json.put("profile", profile.profile());
        json.put("stats", statsJson(profile.stats()));
        ctx.json(json);
    }

    private static Map<String, Object> statsJson(MemoryStats stats) {
        Map<String, Object> byType = new LinkedHashMap<>();
        stats.byType().forEach((type, count) -> byType.put(type.wireName(), count));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("by_type", byType);
        json.put("total", stats.total());
        json.put("avg_confidence", Math.round(stats.averageConfidence() * 100) / 100.0);
        json.put("oldest", MemoryJson.timestamp(stats.oldest()));
        json.put("newest", MemoryJson.timestamp(stats.newest()));
        return json;
    }
}
