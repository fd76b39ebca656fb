package dev.memoria.core.llm;

import dev.memoria.core.entity.EntityLinker;
import dev.memoria.ports.in.LlmMode;
import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Entity;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.MemoryPage;
import dev.memoria.ports.model.PageRequest;
import dev.memoria.ports.model.ReadPoint;
import dev.memoria.ports.out.EntityStore;
import dev.memoria.ports.out.LlmPort;
import dev.memoria.ports.out.MemoryStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Entities: with a model, the newest unlinked memories are sent one by one and the named entities returned are
 * stored and linked. Without one, the unlinked memories are returned as candidates for the agent to link
 * through {@link #link}.
 */
public final class EntityExtraction {

    private static final int BATCH = 50;
    /** Memories one backfill pass links at most, as the existing service's admin backfill. */
    static final int BACKFILL_BATCH = 500;
    /** Memories read per page while looking for unlinked ones. */
    private static final int PAGE = 500;
    private static final int TEXT_BYTES = 2000;
    private static final Set<String> TYPES = Set.of("tech", "person", "repo", "project", "concept");

    /** One memory's entities as a client sends them to link. */
    public record Links(String memoryId, List<Entity> entities) {
    }

    public record LinkResult(int entitiesCreated, int entitiesReused, int edgesCreated) {
    }

    /**
     * A pass of the text rules over unlinked memories: {@code processed} memories read, {@code nothingFound} of them
     * naming nothing the rules recognise (they stay unlinked).
     */
    public record BackfillResult(int processed, int nothingFound, int entitiesCreated, int linksCreated) {
    }

    /** {@code processed} memories sent to the model, {@code failed} whose reply was unusable. */
    public record ExtractResult(List<Memory> unlinked, int processed, int failed, int entitiesFound, int linksCreated) {
    }

    private final LlmPort llm; // null without a model
    private final MemoryStore store;
    private final EntityStore entities;
    private final EntityLinker linker;

    /**
     * What an extraction request did: without the model, the memories still to link and the entities known, for
     * the caller to extract ({@code extracted} null); with it, the extraction's result.
     */
    public record Extraction(List<Memory> unlinked, List<Entity> known, ExtractResult extracted) {
        public boolean handedOver() {
            return extracted == null;
        }
    }

    /** {@code POST /v1/extract-entities} and {@code memory_extract_entities}: the mode decides who extracts. */
    public Extraction extract(String userId, LlmMode mode) {
        if (!mode.usesModel(llmAvailable())) {
            List<Memory> unlinked = unlinked(userId);
            return new Extraction(unlinked, unlinked.isEmpty() ? List.of() : list(userId), null);
        }
        ExtractResult result = extract(userId);
        return new Extraction(result.unlinked(), List.of(), result);
    }

    public EntityExtraction(LlmPort llm, MemoryStore store, EntityStore entities) {
        this.llm = llm;
        this.store = store;
        this.entities = entities;
        this.linker = new EntityLinker(entities);
    }

    public boolean llmAvailable() {
        return llm != null;
    }

    /** The newest active memories (at most 50) with no entity link. */
    public List<Memory> unlinked(String userId) {
        return unlinked(userId, BATCH);
    }

    /**
     * Links the newest unlinked memories (at most {@value #BACKFILL_BATCH}) to the entities their text names, as a
     * store does (see {@link EntityLinker}): for memories stored before write-time linking or while it failed.
     */
    public BackfillResult backfill(String userId) {
        List<Memory> unlinked = unlinked(userId, BACKFILL_BATCH);
        int nothingFound = 0;
        int created = 0;
        int links = 0;
        for (Memory memory : unlinked) {
            EntityStore.LinkCounts linked = linker.link(memory);
            created += linked.entitiesCreated();
            links += linked.linksCreated();
            nothingFound += linked.linksCreated() == 0 ? 1 : 0;
        }
        return new BackfillResult(unlinked.size(), nothingFound, created, links);
    }

    /**
     * The newest active memories of main without a link, at most {@code limit}: page by page, newest first, so
     * that a user with many memories is neither loaded whole nor asked about in one giant {@code IN} list, and the
     * search stops as soon as enough are found.
     */
    private List<Memory> unlinked(String userId, int limit) {
        List<Memory> unlinked = new ArrayList<>();
        PageRequest page = PageRequest.first(PAGE);
        while (unlinked.size() < limit) {
            MemoryPage memories = store.list(BranchRef.main(userId), MemoryFilter.ALL, ReadPoint.HEAD, page);
            Set<String> linked = entities.linkedMemoryIds(userId,
                    memories.items().stream().map(Memory::memoryId).toList());
            memories.items().stream().filter(m -> !linked.contains(m.memoryId())).limit(limit - unlinked.size())
                    .forEach(unlinked::add);
            if (memories.nextCursor() == null) {
                break;
            }
            page = new PageRequest(memories.nextCursor(), PAGE);
        }
        return unlinked;
    }

    public List<Entity> list(String userId) {
        return entities.list(userId);
    }

    /** Extracts with the model (callers check {@link #llmAvailable()} first). */
    public ExtractResult extract(String userId) {
        List<Memory> unlinked = unlinked(userId);
        if (llm == null) {
            return new ExtractResult(unlinked, 0, 0, 0, 0);
        }
        int processed = 0;
        int failed = 0;
        int found = 0;
        int links = 0;
        for (Memory memory : unlinked) {
            List<Map<String, Object>> items;
            try {
                items = ModelReplies.objects(llm.complete(new LlmPort.Request(List.of(LlmPort.Message.user(
                        Prompts.ENTITIES + ModelReplies.truncateUtf8(memory.content(), TEXT_BYTES))), 0.0, 300, true)));
            } catch (RuntimeException failure) {
                failed++;
                continue;
            }
            processed++;
            for (Map<String, Object> item : items.subList(0, Math.min(10, items.size()))) {
                Entity entity = entity(ModelReplies.text(item, "name"), ModelReplies.text(item, "type"));
                if (entity == null) {
                    continue;
                }
                if (entities.upsert(userId, entity, "llm")) {
                    found++;
                }
                if (entities.link(userId, memory.memoryId(), entity.name())) {
                    links++;
                }
            }
        }
        return new ExtractResult(unlinked, processed, failed, found, links);
    }

    /** Links entities a client extracted itself. */
    public LinkResult link(String userId, List<Links> request) {
        int created = 0;
        int reused = 0;
        for (Links links : request) {
            for (Entity raw : links.entities()) {
                Entity entity = entity(raw.displayName(), raw.entityType());
                if (entity == null) {
                    continue;
                }
                if (entities.upsert(userId, entity, "manual")) {
                    created++;
                } else {
                    reused++;
                }
                entities.link(userId, links.memoryId(), entity.name());
            }
        }
        return new LinkResult(created, reused, created);
    }

    private static Entity entity(String name, String type) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String display = name.trim();
        if (display.length() > 128) {
            display = display.substring(0, 128);
        }
        String kind = type == null || type.isBlank() ? "concept" : type.trim().toLowerCase(Locale.ROOT);
        return new Entity(display.toLowerCase(Locale.ROOT), display, TYPES.contains(kind) ? kind : "concept");
    }
}
