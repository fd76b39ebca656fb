package dev.memoria.core.entity;

import dev.memoria.core.write.WriteFollowUp;
import dev.memoria.ports.model.Entity;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.out.EntityStore;

import java.util.List;

/**
 * Links a newly written memory to the entities its text names (see {@link TextEntities}), as the existing Memoria
 * service does on every store: {@code GET /v1/entities} then lists them without an LLM, and only memories that name
 * nothing recognisable are left for an LLM or an agent to link ({@code /v1/extract-entities}).
 */
public final class EntityLinker implements WriteFollowUp {

    private static final System.Logger LOG = System.getLogger(EntityLinker.class.getName());

    /** Where a link came from, as the existing service records it. */
    public static final String SOURCE = "regex";

    private final EntityStore entities;

    public EntityLinker(EntityStore entities) {
        this.entities = entities;
    }

    /** Links a memory just stored; a failure is logged, the memory stays stored (and shows as unlinked). */
    @Override
    public void written(Memory memory) {
        try {
            link(memory);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not link memory {0} to its entities: {1}", memory.memoryId(),
                    e.getMessage());
        }
    }

    /** Links the memory to the entities its text names; what that created. */
    public EntityStore.LinkCounts link(Memory memory) {
        List<Entity> named = TextEntities.in(memory.content());
        return named.isEmpty() ? new EntityStore.LinkCounts(0, 0)
                : entities.linkAll(memory.userId(), memory.memoryId(), named, SOURCE);
    }
}
