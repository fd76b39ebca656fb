package dev.memoria.adapter.sql;

import dev.memoria.ports.model.ApiKey;
import dev.memoria.ports.out.ApiKeyStore;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys in {@code mem_api_keys}, shared by every instance; looked up by hash through an index. */
final class SqlApiKeyStore implements ApiKeyStore {

    private static final String TABLE = SchemaDefinition.API_KEYS.name();
    private static final String COLUMNS = "key_id, user_id, key_name, key_hash, key_prefix, is_active, created_at, "
            + "expires_at, last_used_at";
    private static final RowMapper<ApiKey> MAPPER = (rs, ctx) -> new ApiKey(rs.getString("key_id"),
            rs.getString("user_id"), rs.getString("key_name"), rs.getString("key_hash"), rs.getString("key_prefix"),
            rs.getBoolean("is_active"), UtcTimes.read(rs, "created_at"), UtcTimes.read(rs, "expires_at"),
            UtcTimes.read(rs, "last_used_at"));

    private final Database db;

    SqlApiKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(ApiKey key) {
        db.write("create an API key", h -> h.createUpdate("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (:id, :u, "
                        + ":name, :hash, :prefix, :active, :created, :expires, :used)")
                .bind("id", key.keyId()).bind("u", key.userId()).bind("name", key.name())
                .bind("hash", key.keyHash()).bind("prefix", key.keyPrefix()).bind("active", key.active())
                .bind("created", UtcTimes.toDb(key.createdAt()))
                .bindByType("expires", UtcTimes.toDb(key.expiresAt()), java.time.LocalDateTime.class)
                .bindByType("used", UtcTimes.toDb(key.lastUsedAt()), java.time.LocalDateTime.class)
                .execute());
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return db.read("look up an API key", h -> h.createQuery("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE key_hash = :hash").bind("hash", keyHash).map(MAPPER).findFirst());
    }

    @Override
    public Optional<ApiKey> findById(String keyId) {
        return db.read("read an API key", h -> h.createQuery("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE key_id = :id").bind("id", keyId).map(MAPPER).findOne());
    }

    @Override
    public List<ApiKey> listByUser(String userId) {
        return db.read("list API keys", h -> h.createQuery("SELECT " + COLUMNS + " FROM " + TABLE
                + " WHERE user_id = :u ORDER BY created_at DESC, key_id").bind("u", userId).map(MAPPER).list());
    }

    @Override
    public boolean deactivate(String keyId) {
        return db.write("revoke an API key", h -> h.createUpdate("UPDATE " + TABLE + " SET is_active = :f "
                + "WHERE key_id = :id AND is_active = :t").bind("f", false).bind("t", true).bind("id", keyId)
                .execute()) > 0;
    }

    @Override
    public int deactivateAll(String userId) {
        return db.write("revoke a user's API keys", h -> h.createUpdate("UPDATE " + TABLE + " SET is_active = :f "
                + "WHERE user_id = :u AND is_active = :t").bind("f", false).bind("t", true).bind("u", userId)
                .execute());
    }

    @Override
    public void replaceHash(String keyId, String keyHash) {
        db.write("re-hash an API key", h -> h.createUpdate("UPDATE " + TABLE + " SET key_hash = :hash WHERE key_id = :id")
                .bind("hash", keyHash).bind("id", keyId).execute());
    }

    @Override
    public void touch(String keyId, Instant usedAt) {
        db.write("record API key use", h -> h.createUpdate("UPDATE " + TABLE + " SET last_used_at = :t WHERE key_id = :id")
                .bind("t", UtcTimes.toDb(usedAt)).bind("id", keyId).execute());
    }
}
