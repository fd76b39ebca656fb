package dev.memoria.core.retrieval;

import dev.memoria.core.retrieval.AssociativeExpansion.Scored;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Answers to questions that name one thing and ask about another. "Alice 负责的模块有什么安全漏洞？" names Alice
 * (the anchor) and asks about vulnerabilities (the target part). The memory that answers it ("jsonwebtoken
 * v8.5.1 has CVE-2024-33531") shares no word with the anchor and only a word or two with the question, so neither
 * its own score nor a forward walk from the best results (which fades through a hub such as auth-service) ranks
 * it. Here the two ends meet: a memory that matches the target part, and that a chain of at most
 * {@link AssociativeExpansion#HOPS} shared names connects to a memory mentioning the anchor, is scored like a
 * memory reached that many hops from it.
 *
 * <p>The target part is what the question says beyond the best memory about the anchor: its words that memory
 * does not contain, and only those found in few memories of the pool (a word most memories share, such as "服务"
 * among service notes, says what kind of answer is wanted, not which one).
 *
 * <p>The same split tells which memories association should leave alone: when at least {@code top_k} memories
 * mention what the question names, there is enough to answer from, and a memory that mentions neither the anchor
 * nor the target part is only a neighbour of a neighbour ("our API guideline prefers REST" for "do we still use
 * GraphQL?", reached through the REST a GraphQL note mentions).
 */
final class AnchoredTargets {

    /** A target word must occur in at most this share of the pool. Measured: 0.15–0.25 alike, 0.1 and 0.3 worse. */
    static final double MAX_TARGET_WORD_SHARE = 0.2;

    private final List<Scored> pool;
    private final String[] lowerContents;
    /** The query's names that memories of the pool mention (empty when there are none: nothing else applies). */
    private final List<String> anchors;
    private final boolean[] anchored;
    private final int anchoredCount;
    private final Set<String> targetWords;

    private AnchoredTargets(String query, List<Scored> pool) {
        this.pool = pool;
        this.lowerContents = pool.stream().map(s -> s.memory().content().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
        this.anchors = anchors(query);
        this.anchored = new boolean[pool.size()];
        int count = 0;
        int best = -1;
        for (int i = 0; i < pool.size(); i++) {
            anchored[i] = !anchors.isEmpty() && containsAny(lowerContents[i], anchors);
            if (anchored[i]) {
                count++;
                best = best < 0 ? i : best;
            }
        }
        this.anchoredCount = count;
        this.targetWords = best < 0 ? Set.of() : targetWords(query, lowerContents[best]);
    }

    /**
     * @param query  the question
     * @param pool   the candidates, best first
     */
    static AnchoredTargets of(String query, List<Scored> pool) {
        return new AnchoredTargets(query, pool);
    }

    /**
     * The raised scores of the memories that match the target part and are chained to the anchor, by memory id;
     * empty when the question names nothing the pool mentions or asks nothing beyond it.
     */
    Map<String, Double> lifts() {
        if (targetWords.isEmpty()) {
            return Map.of();
        }
        Chains chains = new Chains();
        Map<String, Double> lifted = new HashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            if (anchored[i] || chains.distance[i] > AssociativeExpansion.HOPS
                    || !containsAny(lowerContents[i], targetWords)) {
                continue;
            }
            Scored target = pool.get(i);
            double viaChain = pool.get(chains.root[i]).score()
                    * Math.pow(AssociativeExpansion.HOP_DECAY, chains.distance[i]);
            double combined = new AssociativeExpansion.Reached(target.memory(), viaChain, target.score()).combined();
            if (combined > target.score()) {
                lifted.put(target.memory().memoryId(), combined);
            }
        }
        return lifted;
    }

    /**
     * The memories that mention neither the anchor nor a target word, by id, when at least {@code k} memories of
     * the pool mention the anchor; otherwise none (with too little about the named thing, association may find
     * the answer anywhere).
     */
    Set<String> unrelated(int k) {
        if (anchors.isEmpty() || anchoredCount < k) {
            return Set.of();
        }
        Set<String> unrelated = new HashSet<>();
        for (int i = 0; i < pool.size(); i++) {
            if (!anchored[i] && !containsAny(lowerContents[i], targetWords)) {
                unrelated.add(pool.get(i).memory().memoryId());
            }
        }
        return unrelated;
    }

    /**
     * The query's names (see {@link EntityTerms}) and the acronyms keyword search looks for too (see
     * {@link Acronyms}) that some memory of the pool mentions, in lower case.
     */
    private List<String> anchors(String query) {
        List<String> anchors = new ArrayList<>();
        for (String name : EntityTerms.namedInQuery(query)) {
            if (Arrays.stream(lowerContents).anyMatch(c -> c.contains(name))) {
                anchors.add(name);
            }
        }
        return anchors;
    }

    private Set<String> targetWords(String query, String bestAnchoredContent) {
        Set<String> words = new LinkedHashSet<>(QueryWords.of(query));
        words.removeIf(w -> anchors.stream().anyMatch(a -> a.contains(w)) || bestAnchoredContent.contains(w));
        int limit = (int) Math.ceil(MAX_TARGET_WORD_SHARE * pool.size());
        words.removeIf(w -> Arrays.stream(lowerContents).filter(c -> c.contains(w)).count() > limit);
        return words;
    }

    private static boolean containsAny(String lowerContent, Iterable<String> words) {
        for (String word : words) {
            if (lowerContent.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Shortest chains of shared names (other than the anchors) from the anchored memories to every memory of the
     * pool, breadth first up to {@link AssociativeExpansion#HOPS} links.
     */
    private final class Chains {

        final int[] distance;
        /** The anchored memory each chain starts from. */
        final int[] root;

        Chains() {
            int n = pool.size();
            List<Set<String>> names = new ArrayList<>(n);
            Map<String, List<Integer>> holders = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Set<String> own = new HashSet<>();
                for (String name : EntityTerms.of(pool.get(i).memory().content())) {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (anchors.stream().noneMatch(a -> a.contains(lower) || lower.contains(a))) {
                        own.add(lower);
                        holders.computeIfAbsent(lower, k -> new ArrayList<>()).add(i);
                    }
                }
                names.add(own);
            }
            distance = new int[n];
            root = new int[n];
            Arrays.fill(distance, Integer.MAX_VALUE);
            List<Integer> frontier = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (anchored[i]) {
                    distance[i] = 0;
                    root[i] = i;
                    frontier.add(i);
                }
            }
            for (int hop = 1; hop <= AssociativeExpansion.HOPS && !frontier.isEmpty(); hop++) {
                List<Integer> next = new ArrayList<>();
                for (int from : frontier) {
                    for (String name : names.get(from)) {
                        for (int to : holders.get(name)) {
                            if (distance[to] == Integer.MAX_VALUE) {
                                distance[to] = hop;
                                root[to] = root[from];
                                next.add(to);
                            }
                        }
                    }
                }
                frontier = next;
            }
        }
    }
}
