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
}
