package dev.memoria.adapter.sql;

import dev.memoria.ports.model.Entity;
import dev.memoria.ports.out.EntityStore;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A user's entities ({@code mem_entities}) and memory links ({@code mem_entity_links}). */
final class SqlEntityStore implements EntityStore {

    private static final String ENTITIES = SchemaDefinition.ENTITIES.name();
    private static final String LINKS = SchemaDefinition.ENTITY_LINKS.name();

    private final Database db;

    SqlEntityStore(Database db) {
        this.db = db;
    }

    @Override
    public boolean upsert(String userId, Entity entity, String source) {
        return db.read("save an entity", h -> {
            try {
                return h.createUpdate("INSERT INTO " + ENTITIES + " (user_id, entity_name, display_name, entity_type, "
                                + "source, created_at) VALUES (:u, :name, :display, :type, :source, :at)")
                        .bind("u", userId).bind("name", entity.name()).bind("display", entity.displayName())
                        .bind("type", entity.entityType()).bind("source", source).bind("at", UtcTimes.toDb(db.now()))
                        .execute() == 1;
            } catch (RuntimeException e) {
                if (SqlFailures.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public boolean link(String userId, String memoryId, String entityName) {
        return db.read("link an entity", h -> {
            try {
                return h.createUpdate("INSERT INTO " + LINKS + " (user_id, memory_id, entity_name, created_at) "
                                + "VALUES (:u, :m, :name, :at)")
                        .bind("u", userId).bind("m", memoryId).bind("name", entityName)
                        .bind("at", UtcTimes.toDb(db.now())).execute() == 1;
            } catch (RuntimeException e) {
                if (SqlFailures.isDuplicateKey(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public List<Entity> list(String userId) {
        return db.read("list entities", h -> h.createQuery("SELECT entity_name, display_name, entity_type FROM "
                        + ENTITIES + " WHERE user_id = :u ORDER BY entity_name").bind("u", userId)
                .map((rs, ctx) -> new Entity(rs.getString("entity_name"), rs.getString("display_name"),
                        rs.getString("entity_type"))).list());
    }

    @Override
    public Set<String> linkedMemoryIds(String userId, Collection<String> memoryIds) {
        if (memoryIds.isEmpty()) {
            return Set.of();
        }
        List<String> ids = List.copyOf(memoryIds);
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            names.append(i == 0 ? ":m" : ", :m").append(i);
        }
        return db.read("read entity links", h -> {
            var query = h.createQuery("SELECT DISTINCT memory_id FROM " + LINKS + " WHERE user_id = :u AND memory_id IN ("
                    + names + ")").bind("u", userId);
            for (int i = 0; i < ids.size(); i++) {
                query.bind("m" + i, ids.get(i));
            }
            return new HashSet<>(query.mapTo(String.class).list());
        });
    }
}
