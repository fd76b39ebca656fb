package dev.memoria.adapter.sql;

import dev.memoria.ports.model.Entity;
import dev.memoria.ports.out.EntityStore;

import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        return db.write("save an entity", h -> {
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
        return db.write("link an entity", h -> {
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

    /**
     * In one connection and at most four statements, however many entities: which exist, one multi-row insert of
     * the others, which links exist, one multi-row insert of the rest — instead of two statements per entity, since
     * every store runs this against a database that may be across a network. A multi-row insert that meets a row
     * another writer added meanwhile fails as a whole; then its rows go in one by one.
     */
    @Override
    public LinkCounts linkAll(String userId, String memoryId, List<Entity> entities, String source) {
        Map<String, Entity> byName = new LinkedHashMap<>();
        entities.forEach(e -> byName.putIfAbsent(e.name(), e));
        if (byName.isEmpty()) {
            return new LinkCounts(0, 0);
        }
        java.time.LocalDateTime at = UtcTimes.toDb(db.now());
        return db.read("link entities", h -> {
            List<String> names = List.copyOf(byName.keySet());
            Set<String> known = existing(h, "SELECT entity_name FROM " + ENTITIES + " WHERE user_id = :u",
                    Map.of("u", userId), names);
            List<List<Object>> newEntities = byName.values().stream().filter(e -> !known.contains(e.name()))
                    .map(e -> List.<Object>of(userId, e.name(), e.displayName(), e.entityType(), source, at)).toList();
            int created = insertAll(h, ENTITIES, List.of("user_id", "entity_name", "display_name", "entity_type",
                    "source", "created_at"), newEntities);
            Set<String> linked = existing(h, "SELECT entity_name FROM " + LINKS
                    + " WHERE user_id = :u AND memory_id = :m", Map.of("u", userId, "m", memoryId), names);
            List<List<Object>> newLinks = names.stream().filter(n -> !linked.contains(n))
                    .map(n -> List.<Object>of(userId, memoryId, n, at)).toList();
            int links = insertAll(h, LINKS, List.of("user_id", "memory_id", "entity_name", "created_at"), newLinks);
            return new LinkCounts(created, links);
        });
    }

    /** The names among {@code names} that the query (narrowed by {@code entity_name IN …}) finds. */
    private static Set<String> existing(Handle h, String sql, Map<String, Object> binds, List<String> names) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            in.append(i == 0 ? ":n0" : ", :n" + i);
        }
        var query = h.createQuery(sql + " AND entity_name IN (" + in + ")");
        binds.forEach(query::bind);
        for (int i = 0; i < names.size(); i++) {
            query.bind("n" + i, names.get(i));
        }
        return new HashSet<>(query.mapTo(String.class).list());
    }

    /** Inserts the rows in one statement, or one by one when another writer got to one of them first. */
    private static int insertAll(Handle h, String table, List<String> columns, List<List<Object>> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        try {
            return insert(h, table, columns, rows);
        } catch (RuntimeException e) {
            if (!SqlFailures.isDuplicateKey(e)) {
                throw e;
            }
        }
        int inserted = 0;
        for (List<Object> row : rows) {
            try {
                inserted += insert(h, table, columns, List.of(row));
            } catch (RuntimeException e) {
                if (!SqlFailures.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
        return inserted;
    }

    private static int insert(Handle h, String table, List<String> columns, List<List<Object>> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < columns.size(); c++) {
                sql.append(c == 0 ? ":v" : ", :v").append(r).append('_').append(c);
            }
            sql.append(')');
        }
        var update = h.createUpdate(sql.toString());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                update.bind("v" + r + "_" + c, rows.get(r).get(c));
            }
        }
        return update.execute();
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
