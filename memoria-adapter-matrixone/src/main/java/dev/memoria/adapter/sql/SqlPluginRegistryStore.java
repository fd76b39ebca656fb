package dev.memoria.adapter.sql;

import dev.memoria.ports.model.PluginBindingRule;
import dev.memoria.ports.model.PluginEvent;
import dev.memoria.ports.model.PluginRecord;
import dev.memoria.ports.model.PluginSigner;
import dev.memoria.ports.out.PluginRegistryStore;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The governance plugin registry in the shared database ({@code mem_plugin_*}), so every instance sees it. */
final class SqlPluginRegistryStore implements PluginRegistryStore {

    private static final String SIGNERS = SchemaDefinition.PLUGIN_SIGNERS.name();
    private static final String PACKAGES = SchemaDefinition.PLUGIN_PACKAGES.name();
    private static final String RULES = SchemaDefinition.PLUGIN_BINDING_RULES.name();
    private static final String EVENTS = SchemaDefinition.PLUGIN_EVENTS.name();

    private static final String PACKAGE_COLUMNS = "plugin_key, plugin_version, plugin_domain, runtime, signer, digest, "
            + "signature, document, status, review_notes, score, score_notes, published_at, published_by, updated_at";
    private static final String RULE_COLUMNS = "plugin_domain, binding_key, subject_key, priority, rule_id, plugin_key, "
            + "version_selector, rollout_percent, transport_endpoint, status, updated_at, updated_by";
    private static final String EVENT_COLUMNS = "event_id, event_type, status, message, plugin_domain, plugin_key, "
            + "plugin_version, binding_key, subject_key, actor, created_at";

    private static final RowMapper<PluginSigner> SIGNER = (rs, ctx) -> new PluginSigner(rs.getString("signer"),
            rs.getString("algorithm"), rs.getString("public_key"), rs.getBoolean("is_active"),
            UtcTimes.read(rs, "created_at"), UtcTimes.read(rs, "updated_at"), rs.getString("updated_by"));
    private static final RowMapper<PluginRecord> PACKAGE = (rs, ctx) -> {
        double score = rs.getDouble("score");
        Double nullableScore = rs.wasNull() ? null : score;
        return new PluginRecord(rs.getString("plugin_key"), rs.getString("plugin_version"),
                rs.getString("plugin_domain"), rs.getString("runtime"), rs.getString("signer"), rs.getString("digest"),
                rs.getString("signature"), rs.getString("document"), rs.getString("status"),
                rs.getString("review_notes"), nullableScore, rs.getString("score_notes"),
                UtcTimes.read(rs, "published_at"), rs.getString("published_by"), UtcTimes.read(rs, "updated_at"));
    };
    private static final RowMapper<PluginBindingRule> RULE = (rs, ctx) -> new PluginBindingRule(rs.getString("rule_id"),
            rs.getString("plugin_domain"), rs.getString("binding_key"), rs.getString("subject_key"),
            (int) rs.getLong("priority"), rs.getString("plugin_key"), rs.getString("version_selector"),
            (int) rs.getLong("rollout_percent"), rs.getString("transport_endpoint"), rs.getString("status"),
            UtcTimes.read(rs, "updated_at"), rs.getString("updated_by"));
    private static final RowMapper<PluginEvent> EVENT = (rs, ctx) -> new PluginEvent(rs.getString("event_id"),
            rs.getString("event_type"), rs.getString("status"), rs.getString("message"), rs.getString("plugin_domain"),
            rs.getString("plugin_key"), rs.getString("plugin_version"), rs.getString("binding_key"),
            rs.getString("subject_key"), rs.getString("actor"), UtcTimes.read(rs, "created_at"));

    private final Database db;
    private final String upsertSigner;
    private final String upsertRule;

    SqlPluginRegistryStore(Database db) {
        this.db = db;
        this.upsertSigner = db.dialect().upsert(SIGNERS, List.of("signer"),
                List.of("algorithm", "public_key", "is_active", "created_at", "updated_at", "updated_by"));
        this.upsertRule = db.dialect().upsert(RULES, List.of("plugin_domain", "binding_key", "subject_key", "priority"),
                List.of("rule_id", "plugin_key", "version_selector", "rollout_percent", "transport_endpoint", "status",
                        "updated_at", "updated_by"));
    }

    @Override
    public void upsertSigner(PluginSigner s) {
        db.write("register a plugin signer", h -> h.createUpdate(upsertSigner).bind("signer", s.name())
                .bind("algorithm", s.algorithm()).bind("public_key", s.publicKey()).bind("is_active", s.active())
                .bind("created_at", UtcTimes.toDb(s.createdAt())).bind("updated_at", UtcTimes.toDb(s.updatedAt()))
                .bind("updated_by", s.updatedBy()).execute());
    }

    @Override
    public Optional<PluginSigner> signer(String name) {
        return db.read("read a plugin signer", h -> h.createQuery("SELECT * FROM " + SIGNERS + " WHERE signer = :s")
                .bind("s", name).map(SIGNER).findOne());
    }

    @Override
    public List<PluginSigner> signers() {
        return db.read("list plugin signers", h -> h.createQuery("SELECT * FROM " + SIGNERS + " ORDER BY signer")
                .map(SIGNER).list());
    }

    @Override
    public boolean insertPackage(PluginRecord p) {
        try {
            return db.write("publish a plugin", h -> h.createUpdate("INSERT INTO " + PACKAGES + " (" + PACKAGE_COLUMNS
                            + ") VALUES (:plugin_key, :plugin_version, :plugin_domain, :runtime, :signer, :digest, "
                            + ":signature, :document, :status, :review_notes, :score, :score_notes, :published_at, "
                            + ":published_by, :updated_at)")
                    .bind("plugin_key", p.pluginKey()).bind("plugin_version", p.version())
                    .bind("plugin_domain", p.domain()).bind("runtime", p.runtime()).bind("signer", p.signer())
                    .bind("digest", p.digest()).bind("signature", p.signature()).bind("document", p.document())
                    .bind("status", p.status()).bind("review_notes", p.reviewNotes()).bind("score", p.score())
                    .bind("score_notes", p.scoreNotes()).bind("published_at", UtcTimes.toDb(p.publishedAt()))
                    .bind("published_by", p.publishedBy()).bind("updated_at", UtcTimes.toDb(p.updatedAt()))
                    .execute()) == 1;
        } catch (RuntimeException e) {
            if (SqlFailures.isDuplicateKey(e)) {
                return false; // key@version exists: the caller compares contents
            }
            throw e;
        }
    }

    @Override
    public Optional<PluginRecord> findPackage(String pluginKey, String version) {
        return db.read("read a plugin", h -> h.createQuery("SELECT " + PACKAGE_COLUMNS + " FROM " + PACKAGES
                        + " WHERE plugin_key = :k AND plugin_version = :v")
                .bind("k", pluginKey).bind("v", version).map(PACKAGE).findOne());
    }

    @Override
    public List<PluginRecord> packages(String domain) {
        return db.read("list plugins", h -> {
            Query q = h.createQuery("SELECT " + PACKAGE_COLUMNS + " FROM " + PACKAGES
                    + (domain == null ? "" : " WHERE plugin_domain = :d")
                    + " ORDER BY published_at DESC, plugin_key, plugin_version");
            if (domain != null) {
                q.bind("d", domain);
            }
            return q.map(PACKAGE).list();
        });
    }

    @Override
    public boolean updatePackage(PluginRecord p) {
        return db.write("review a plugin", h -> h.createUpdate("UPDATE " + PACKAGES + " SET status = :status, "
                        + "review_notes = :review_notes, score = :score, score_notes = :score_notes, "
                        + "updated_at = :updated_at WHERE plugin_key = :k AND plugin_version = :v")
                .bind("status", p.status()).bind("review_notes", p.reviewNotes()).bind("score", p.score())
                .bind("score_notes", p.scoreNotes()).bind("updated_at", UtcTimes.toDb(p.updatedAt()))
                .bind("k", p.pluginKey()).bind("v", p.version()).execute()) == 1;
    }

    @Override
    public void upsertRule(PluginBindingRule r) {
        db.write("save a plugin binding rule", h -> h.createUpdate(upsertRule).bind("plugin_domain", r.domain())
                .bind("binding_key", r.bindingKey()).bind("subject_key", r.subjectKey()).bind("priority", (long) r.priority())
                .bind("rule_id", r.ruleId()).bind("plugin_key", r.pluginKey())
                .bind("version_selector", r.versionSelector()).bind("rollout_percent", (long) r.rolloutPercent())
                .bind("transport_endpoint", r.transportEndpoint()).bind("status", r.status())
                .bind("updated_at", UtcTimes.toDb(r.updatedAt())).bind("updated_by", r.updatedBy()).execute());
    }

    @Override
    public List<PluginBindingRule> rules(String domain, String bindingKey) {
        return db.read("list plugin binding rules", h -> {
            Query q = h.createQuery("SELECT " + RULE_COLUMNS + " FROM " + RULES + " WHERE plugin_domain = :d"
                    + (bindingKey == null ? "" : " AND binding_key = :b")
                    + " ORDER BY binding_key, subject_key, priority").bind("d", domain);
            if (bindingKey != null) {
                q.bind("b", bindingKey);
            }
            return q.map(RULE).list();
        });
    }

    @Override
    public void recordEvent(PluginEvent e) {
        db.write("record a plugin event", h -> h.createUpdate("INSERT INTO " + EVENTS + " (" + EVENT_COLUMNS
                        + ") VALUES (:event_id, :event_type, :status, :message, :plugin_domain, :plugin_key, "
                        + ":plugin_version, :binding_key, :subject_key, :actor, :created_at)")
                .bind("event_id", e.eventId()).bind("event_type", e.eventType()).bind("status", e.status())
                .bind("message", e.message()).bind("plugin_domain", e.domain()).bind("plugin_key", e.pluginKey())
                .bind("plugin_version", e.version()).bind("binding_key", e.bindingKey())
                .bind("subject_key", e.subjectKey()).bind("actor", e.actor())
                .bind("created_at", UtcTimes.toDb(e.createdAt())).execute());
    }

    @Override
    public List<PluginEvent> events(String domain, String pluginKey, String bindingKey, int limit) {
        return db.read("list plugin events", h -> {
            List<String> where = new ArrayList<>();
            if (domain != null) {
                where.add("plugin_domain = :d");
            }
            if (pluginKey != null) {
                where.add("plugin_key = :k");
            }
            if (bindingKey != null) {
                where.add("binding_key = :b");
            }
            // event ids are UUIDv7: a tie on the timestamp still orders by creation
            Query q = h.createQuery("SELECT " + EVENT_COLUMNS + " FROM " + EVENTS
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + " ORDER BY created_at DESC, event_id DESC");
            if (domain != null) {
                q.bind("d", domain);
            }
            if (pluginKey != null) {
                q.bind("k", pluginKey);
            }
            if (bindingKey != null) {
                q.bind("b", bindingKey);
            }
            return q.setMaxRows(limit).map(EVENT).list();
        });
    }
}
