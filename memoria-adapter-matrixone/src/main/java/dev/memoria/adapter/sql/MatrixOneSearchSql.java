package dev.memoria.adapter.sql;

/**
 * The SQL text of MatrixOne's in-database search, kept apart from its execution so that it can be checked
 * without a server. Every user value travels in {@link Conditions} parameters or the bound {@code :ft_query};
 * the only inlined values are the vector literal (rendered from floats by {@link VectorCodec#toText}) and the
 * row limit (an int), because MatrixOne only uses the vector index for a constant query vector and LIMIT, and a
 * server-side prepared statement with {@code l2_distance} in ORDER BY returns no rows (reference 02 §10 #5).
 */
final class MatrixOneSearchSql {

    /**
     * How MatrixOne ≥ 3.0.5 may use an IVF index for the ORDER BY … LIMIT. {@code pre} pushes the WHERE filters
     * into the index scan before ranking (post-filtering, the default, would rank candidates of every user of the
     * shared table and then drop most of them); {@code force} disables the index and ranks exactly (per the server
     * code; the docs say the opposite, reference 05 §1.6 and §8). Without an index both are exact scans.
     */
    enum RankMode {
        PRE("mode=pre"),
        EXACT("mode=force");

        final String option;

        RankMode(String option) {
            this.option = option;
        }
    }

    private MatrixOneSearchSql() {
    }

    /**
     * Nearest rows by L2 distance, which orders unit vectors exactly as cosine similarity does. One ORDER BY key,
     * ASC, with a LIMIT: the shape MatrixOne's planner needs before it considers the vector index.
     *
     * @param withMetadata also select {@code extra_metadata}, for metadata conditions checked in Java
     */
    static String nearest(Conditions where, String vectorLiteral, int limit, RankMode mode, boolean withMetadata) {
        String distance = "l2_distance(embedding, " + vectorLiteral + ")";
        return "SELECT memory_id, " + (withMetadata ? "extra_metadata, " : "") + distance + " AS l2_dist FROM "
                + MemoryRows.TABLE + " WHERE " + where.sql() + " AND embedding IS NOT NULL"
                + " ORDER BY " + distance + " ASC LIMIT " + positive(limit)
                + " BY RANK WITH OPTION '" + mode.option + "'";
    }

    /**
     * Keyword matches by FULLTEXT relevance. The MATCH column list must equal the ngram index's exactly
     * ({@code content}); the WHERE repeats the MATCH so the statement also reads as plain MySQL.
     */
    static String keyword(Conditions where, int limit, boolean withMetadata) {
        String match = "MATCH(content) AGAINST(:ft_query IN BOOLEAN MODE)";
        return "SELECT memory_id, " + (withMetadata ? "extra_metadata, " : "") + match + " AS ft_score FROM "
                + MemoryRows.TABLE + " WHERE " + where.sql() + " AND " + match
                + " ORDER BY ft_score DESC, memory_id DESC LIMIT " + positive(limit);
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return limit;
    }
}
