package dev.memoria.ports.out;

import dev.memoria.ports.model.Entity;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A user's entities and the links from memories to them. */
public interface EntityStore {

    /** Creates the entity unless one with the same name exists; true when it was created. */
    boolean upsert(String userId, Entity entity, String source);

    /** Links a memory to an entity (idempotent); true when the link is new. */
    boolean link(String userId, String memoryId, String entityName);

    List<Entity> list(String userId);

    /** The ids among {@code memoryIds} that have at least one link. */
    Set<String> linkedMemoryIds(String userId, Collection<String> memoryIds);

    /**
     * Creates the entities that do not exist yet (with {@code source}) and links the memory to all of them, as
     * {@link #upsert} and {@link #link} one by one would; a store may do it in fewer round trips.
     */
    default LinkCounts linkAll(String userId, String memoryId, List<Entity> entities, String source) {
        int created = 0;
        int links = 0;
        for (Entity entity : entities) {
            if (upsert(userId, entity, source)) {
                created++;
            }
            if (link(userId, memoryId, entity.name())) {
                links++;
            }
        }
        return new LinkCounts(created, links);
    }

    /** What {@link #linkAll} added: entities created, links created. */
    record LinkCounts(int entitiesCreated, int linksCreated) {
    }
}
