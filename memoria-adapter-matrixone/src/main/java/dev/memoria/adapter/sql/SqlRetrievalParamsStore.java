package dev.memoria.adapter.sql;

import dev.memoria.ports.model.RetrievalParams;
import dev.memoria.ports.out.RetrievalParamsStore;

import java.util.List;
import java.util.Optional;

/** One row of tuning knobs per user, written with the dialect's upsert. */
final class SqlRetrievalParamsStore implements RetrievalParamsStore {

    private static final String TABLE = SchemaDefinition.RETRIEVAL_PARAMS.name();

    private final Database db;
    private final String upsert;

    SqlRetrievalParamsStore(Database db) {
        this.db = db;
        this.upsert = db.dialect().upsert(TABLE, List.of("user_id"),
                List.of("feedback_weight", "temporal_decay_hours", "confidence_weight", "updated_at"));
    }

    @Override
    public Optional<RetrievalParams> find(String userId) {
        return db.read("read retrieval parameters", h -> h.createQuery("SELECT feedback_weight, temporal_decay_hours, "
                        + "confidence_weight FROM " + TABLE + " WHERE user_id = :u")
                .bind("u", userId)
                .map((rs, ctx) -> new RetrievalParams(rs.getDouble("feedback_weight"),
                        rs.getDouble("temporal_decay_hours"), rs.getDouble("confidence_weight")))
                .findOne());
    }

    @Override
    public void save(String userId, RetrievalParams params) {
        db.write("save retrieval parameters", h -> h.createUpdate(upsert)
                .bind("user_id", userId)
                .bind("feedback_weight", params.feedbackWeight())
                .bind("temporal_decay_hours", params.temporalDecayHours())
                .bind("confidence_weight", params.confidenceWeight())
                .bind("updated_at", UtcTimes.toDb(db.now()))
                .execute());
    }
}
