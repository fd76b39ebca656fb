package dev.memoria.adapter.sql;

import dev.memoria.ports.model.BranchRef;
import dev.memoria.ports.model.Feedback;
import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.FeedbackSignal;
import dev.memoria.ports.model.TierSignalCount;
import dev.memoria.ports.model.TrustTier;
import dev.memoria.ports.out.FeedbackStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Feedback signals in {@code mem_feedback}; counts are computed on read (the table is small per user). */
final class SqlFeedbackStore implements FeedbackStore {

    private static final String TABLE = SchemaDefinition.FEEDBACK.name();
    private static final int IN_CHUNK = 500;

    private final Database db;

    SqlFeedbackStore(Database db) {
        this.db = db;
    }

    @Override
    public void record(Feedback feedback) {
        String id = feedback.feedbackId() != null ? feedback.feedbackId() : UUID.randomUUID().toString().replace("-", "");
        db.write("record feedback", h -> h.createUpdate("INSERT INTO " + TABLE + " (feedback_id, user_id, memory_id, "
                        + "feedback_signal, context, created_at) VALUES (:id, :u, :m, :s, :c, :t)")
                .bind("id", id).bind("u", feedback.userId()).bind("m", feedback.memoryId())
                .bind("s", feedback.signal().wireName()).bindByType("c", feedback.context(), String.class)
                .bind("t", UtcTimes.toDb(feedback.createdAt() != null ? feedback.createdAt() : db.now()))
                .execute());
    }

    @Override
    public Map<String, FeedbackCounts> countsByMemory(String userId, Collection<String> memoryIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(memoryIds));
        if (ids.isEmpty()) {
            return Map.of();
        }
        return db.read("count feedback", h -> {
            Map<String, long[]> counts = new HashMap<>();
            for (int start = 0; start < ids.size(); start += IN_CHUNK) {
                Conditions where = new Conditions().add("user_id = :u", "u", userId)
                        .in("memory_id", "id", ids.subList(start, Math.min(ids.size(), start + IN_CHUNK)));
                where.bindTo(h.createQuery("SELECT memory_id, feedback_signal, COUNT(*) AS n FROM " + TABLE
                                + " WHERE " + where.sql() + " GROUP BY memory_id, feedback_signal"))
                        .map((rs, ctx) -> {
                            long[] bySignal = counts.computeIfAbsent(rs.getString("memory_id"), k -> new long[4]);
                            bySignal[FeedbackSignal.parse(rs.getString("feedback_signal")).ordinal()] += rs.getLong("n");
                            return 0;
                        }).list();
            }
            Map<String, FeedbackCounts> result = new HashMap<>();
            counts.forEach((id, c) -> result.put(id, toCounts(c)));
            return result;
        });
    }

    @Override
    public FeedbackCounts totals(String userId) {
        return db.read("total feedback", h -> {
            long[] bySignal = new long[4];
            h.createQuery("SELECT feedback_signal, COUNT(*) AS n FROM " + TABLE + " WHERE user_id = :u "
                            + "GROUP BY feedback_signal")
                    .bind("u", userId)
                    .map((rs, ctx) -> bySignal[FeedbackSignal.parse(rs.getString("feedback_signal")).ordinal()]
                            += rs.getLong("n"))
                    .list();
            return toCounts(bySignal);
        });
    }

    /** Joins each signal with the tier of its memory's newest version on main (the latest revision there). */
    @Override
    public List<TierSignalCount> byTier(String userId) {
        return db.read("count feedback by tier", h -> {
            List<TierSignalCount> result = new ArrayList<>(h.createQuery("SELECT m.trust_tier, f.feedback_signal, "
                            + "COUNT(*) AS n FROM " + TABLE + " f "
                            + "JOIN (SELECT memory_id, MAX(rev_from) AS newest FROM " + MemoryRows.TABLE
                            + " WHERE user_id = :u AND branch_name = :main GROUP BY memory_id) latest "
                            + "ON latest.memory_id = f.memory_id "
                            + "JOIN " + MemoryRows.TABLE + " m ON m.user_id = :u AND m.branch_name = :main "
                            + "AND m.memory_id = latest.memory_id AND m.rev_from = latest.newest "
                            + "WHERE f.user_id = :u GROUP BY m.trust_tier, f.feedback_signal")
                    .bind("u", userId).bind("main", BranchRef.MAIN)
                    .map((rs, ctx) -> new TierSignalCount(TrustTier.parse(rs.getString("trust_tier")),
                            FeedbackSignal.parse(rs.getString("feedback_signal")), rs.getLong("n")))
                    .list());
            result.sort(Comparator.comparing(TierSignalCount::tier).thenComparing(TierSignalCount::signal));
            return result;
        });
    }

    private static FeedbackCounts toCounts(long[] bySignal) {
        return new FeedbackCounts(bySignal[FeedbackSignal.USEFUL.ordinal()], bySignal[FeedbackSignal.IRRELEVANT.ordinal()],
                bySignal[FeedbackSignal.OUTDATED.ordinal()], bySignal[FeedbackSignal.WRONG.ordinal()]);
    }
}
