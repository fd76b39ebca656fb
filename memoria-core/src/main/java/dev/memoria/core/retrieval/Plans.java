package dev.memoria.core.retrieval;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a memory mentions the query's words only as something planned: "shipping-service 使用 REST API，计划
 * 2026-Q1 迁移到 gRPC" shares gRPC with "哪些服务在用 gRPC？", "we plan to move billing to Kafka" shares Kafka with
 * "what uses Kafka?". A plan says what is not the case yet, so for a question about how things are it is a match
 * against the memory, as a denial is (see {@link Negations}). Questions that ask about plans or the future
 * ("计划什么时候迁移？", "will we move to gRPC?") are left alone: there the plan is the answer.
 *
 * <p>A word is planned when a planning word stands before it in the same clause; unlike a negation, a plan reaches
 * to the end of its clause ("计划 2026-Q1 迁移到 gRPC"), and past a colon ("迁移计划：先切 gRPC，再切网关").
 */
final class Plans {

    /**
     * Chinese words that introduce a plan: plan, expect to, intend, prepare to, be about to. Not 规划: "容量规划：
     * Redis 集群 6 节点" describes what is there as often as what will be.
     */
    private static final List<String> CHINESE_CUES = List.of("计划", "预计", "打算", "准备", "将要", "即将");
    /** Words that contain a cue but plan nothing: preparation work, ready, unplanned. */
    private static final List<String> NOT_PLANNING = List.of("准备工作", "准备好", "计划外");
    /** English words that introduce a plan. "will" alone is as often a prediction, so it needs "be moved" etc. */
    private static final Pattern ENGLISH_CUE = Pattern.compile(
            "\\b(?:plan(?:s|ned|ning)?\\s+to|going\\s+to|intend(?:s|ed)?\\s+to|scheduled\\s+to|about\\s+to"
                    + "|roadmap|will\\s+(?:move|migrate|switch|adopt|introduce|replace|add))\\b");
    /** What asks about the future in a query: the plan is the answer there. */
    private static final Pattern ENGLISH_FUTURE = Pattern.compile(
            "\\b(?:plan|plans|planned|planning|will|going to|future|next|roadmap|upcoming|later|intend)\\b");
    private static final List<String> CHINESE_FUTURE = List.of("计划", "预计", "打算", "准备", "将", "会", "未来", "以后",
            "之后", "下一步", "规划", "要不要");
    /** Punctuation that ends a plan's reach: a colon does not, it introduces what is planned. */
    private static final String CLAUSE_ENDS = "，。；！？,;!?\n";
    /** How far back a planning word is looked for, in characters: a clause, not a paragraph. */
    private static final int REACH = 60;

    private Plans() {
    }

    /** Whether the query asks about plans or the future, where planned matches are answers. */
    static boolean asksAboutFuture(String query) {
        String lower = query.toLowerCase(Locale.ROOT);
        return ENGLISH_FUTURE.matcher(lower).find() || CHINESE_FUTURE.stream().anyMatch(lower::contains);
    }

    /**
     * The share of the query words the memory contains that it contains only in planned positions (0 when it
     * contains none of them).
     */
    static double plannedShare(Set<String> queryWords, String content) {
        return QueryWords.shareOnlyWhere(queryWords, content, Plans::plannedAt);
    }

    private static boolean plannedAt(String lower, int at) {
        int start = at;
        while (start > 0 && at - start < REACH && CLAUSE_ENDS.indexOf(lower.charAt(start - 1)) < 0
                && !sentenceEndAt(lower, start - 1)) {
            start--;
        }
        String clause = lower.substring(start, at);
        for (String notPlanning : NOT_PLANNING) {
            clause = clause.replace(notPlanning, " ");
        }
        return CHINESE_CUES.stream().anyMatch(clause::contains) || ENGLISH_CUE.matcher(clause).find();
    }

    /** A full stop ends an English sentence, but not inside a name or number ("v8.5.1", "Node.js"). */
    private static boolean sentenceEndAt(String lower, int i) {
        return lower.charAt(i) == '.' && (i + 1 >= lower.length() || Character.isWhitespace(lower.charAt(i + 1)));
    }
}
