package dev.memoria.core.retrieval;

import dev.memoria.core.branch.ReadTarget;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Follows the names in the best results to the memories that mention the same names, up to two hops
 * (a person → the module they own → the library it uses). A memory reached
 * this way scores a decayed share of the memory that led to it, so an answer that shares no word with the
 * question can still surface when the chain to it is short and specific. The first hop also follows each seed
 * to its closest lexical neighbours (see {@link #followNeighbours}).
 */
final class AssociativeExpansion {

    /** Each hop keeps this share of the score of the memory it came from. */
    static final double HOP_DECAY = 0.85;
    static final int HOPS = 2;
    static final int SEEDS = 3;
    /**
     * How many seeds must share a name for it to be the topic of a question that names nothing (see
     * {@link #sharedNames}). All three switches the rule off on the benchmark; a single seed is no agreement.
     */
    static final int TOPIC_SEEDS = 2;
    /** Memories looked at per name; a name found in more of them says less about each. */
    static final int PER_TERM = 12;
    static final int TERMS_PER_SEED = 8;
    /** A lexical neighbour is passed this share of what a shared name passes (measured: 0.5–0.7 work alike). */
    static final double NEIGHBOUR_SHARE = 0.6;
    /** How much of a seed's text is used to look for its neighbours (see {@link #opening}). */
    static final int NEIGHBOUR_QUERY_CHARS = 200;

    private final MemoryStore store;
    private final MemorySearch search;

    AssociativeExpansion(MemoryStore store, MemorySearch search) {
        this.store = store;
        this.search = search;
    }

    /**
     * @param ranked    the candidates ranked by their own score, best first
     * @param strength  0..1, how much a hop passes on (scales {@link #HOP_DECAY})
     * @param ownScore  a memory's own score for the query (for memories the first pass did not see)
     * @return the association score of memories reached from the seeds, by id
     */
    Map<String, Reached> expand(ReadTarget target, MemoryFilter filter, String query, List<Scored> ranked,
                                double strength, ToDoubleFunction<Memory> ownScore) {
        String queryLower = query.toLowerCase(Locale.ROOT);
        Map<String, Reached> reached = new HashMap<>();
        List<Scored> frontier = new ArrayList<>(ranked.subList(0, Math.min(SEEDS, ranked.size())));
        Set<String> seen = new LinkedHashSet<>();
        frontier.forEach(s -> seen.add(s.memory().memoryId()));
        Set<String> followedTerms = new HashSet<>();
        Rows rows = new Rows(store, target);
        List<Set<String>> seedNames = frontier.stream().map(s -> lowerNames(s.memory())).toList();
        Set<String> topics = EntityTerms.namedInQuery(query).isEmpty() ? sharedNames(seedNames) : Set.of();
        frontier = reinforced(frontier, seedNames, queryLower, strength);
        for (int hop = 0; hop < HOPS && !frontier.isEmpty(); hop++) {
            Map<String, Reached> next = new LinkedHashMap<>();
            for (Scored seed : frontier) {
                int used = 0;
                for (String term : EntityTerms.of(seed.memory().content())) {
                    String lower = term.toLowerCase(Locale.ROOT);
                    if (queryLower.contains(lower) || !followedTerms.add(lower) || used++ >= TERMS_PER_SEED) {
                        continue;
                    }
                    List<Memory> mentioning = mentioning(target, filter, term, lower, rows);
                    double specificity = hop == 0 && topics.contains(lower) ? 1.0
                            : 1.0 / (1 + 0.25 * Math.max(0, mentioning.size() - 2));
                    for (Memory memory : mentioning) {
                        if (memory.memoryId().equals(seed.memory().memoryId())) {
                            continue;
                        }
                        offer(memory, seed.score() * HOP_DECAY * strength * specificity, ownScore, reached, next,
                                seen);
                    }
                }
            }
            if (hop == 0) {
                for (Scored seed : frontier) {
                    followNeighbours(target, filter, seed, strength, ownScore, reached, next, seen, rows);
                }
            }
            frontier = next.values().stream().sorted(Comparator.comparingDouble(Reached::combined).reversed())
                    .limit(SEEDS).map(r -> new Scored(r.memory(), r.combined())).toList();
            frontier.forEach(s -> seen.add(s.memory().memoryId()));
        }
        return reached;
    }

    /**
     * The seeds with what they pass on raised to what the other seeds would pass them through a shared name (other
     * than the query's own). Names are followed once per expansion, so a seed ranked low on its own
     * (it shares a name with the best result but no word with the question) would otherwise follow its names
     * with its own weak score, although the best result reaches it at once: a seed
     * passes on what it is worth once reached.
     */
    private static List<Scored> reinforced(List<Scored> seeds, List<Set<String>> seedNames, String queryLower,
                                            double strength) {
        List<Scored> out = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            Scored seed = seeds.get(i);
            double best = seed.score();
            for (int j = 0; j < seeds.size(); j++) {
                if (i != j && sharesNameBesides(seedNames.get(i), seedNames.get(j), queryLower)) {
                    double passed = seeds.get(j).score() * HOP_DECAY * strength;
                    best = Math.max(best, new Reached(seed.memory(), passed, seed.score()).combined());
                }
            }
            out.add(new Scored(seed.memory(), best));
        }
        return out;
    }

    private static boolean sharesNameBesides(Set<String> names, Set<String> others, String queryLower) {
        return names.stream().anyMatch(name -> others.contains(name) && !queryLower.contains(name));
    }

    /**
     * The names (lower case) that at least {@link #TOPIC_SEEDS} of the seeds mention. When the question names nothing
     * (it asks about a kind of component, say), a name the best results agree on is what it is about, not a hub
     * many notes happen to share: following it from them is not penalised for how many memories mention it.
     */
    private static Set<String> sharedNames(List<Set<String>> seedNames) {
        Map<String, Long> counts = seedNames.stream().flatMap(Set::stream)
                .collect(Collectors.groupingBy(name -> name, Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getValue() >= TOPIC_SEEDS).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static Set<String> lowerNames(Memory memory) {
        return EntityTerms.of(memory.content()).stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /**
     * The lexical neighbours of a seed: the memories that keyword search finds for the seed's own text, scored
     * relative to the closest one. Names are not the only links between notes: in Chinese text, where
     * {@link EntityTerms} sees only Latin words, two notes about the same incident may share no name but a
     * distinctive phrase. One hop only, at a lower share than a shared name.
     */
    private void followNeighbours(ReadTarget target, MemoryFilter filter, Scored seed, double strength,
                                  ToDoubleFunction<Memory> ownScore, Map<String, Reached> reached,
                                  Map<String, Reached> next, Set<String> seen, Rows rows) {
        String seedId = seed.memory().memoryId();
        List<ScoredId> hits = search.keyword(target.branch(), target.at(), opening(seed.memory().content()), filter,
                PER_TERM);
        double closest = hits.stream().filter(h -> !h.memoryId().equals(seedId))
                .mapToDouble(ScoredId::score).max().orElse(0);
        if (closest <= 0) {
            return;
        }
        Map<String, Double> similarity = new HashMap<>();
        hits.stream().filter(h -> !h.memoryId().equals(seedId))
                .forEach(h -> similarity.put(h.memoryId(), h.score() / closest));
        for (Memory memory : rows.load(similarity.keySet())) {
            double association = seed.score() * HOP_DECAY * strength * NEIGHBOUR_SHARE
                    * similarity.get(memory.memoryId());
            offer(memory, association, ownScore, reached, next, seen);
        }
    }

    /**
     * The start of a memory's text, for use as a query: a memory can hold 32 KiB, and a query of thousands of terms
     * costs far more than the few notes it would add; agent memories are mostly shorter than this anyway.
     */
    private static String opening(String content) {
        if (content.length() <= NEIGHBOUR_QUERY_CHARS) {
            return content;
        }
        int end = NEIGHBOUR_QUERY_CHARS;
        if (Character.isLowSurrogate(content.charAt(end))) {
            end--;
        }
        return content.substring(0, end);
    }

    /** Records a memory reached with this association unless it was already reached more strongly. */
    private static void offer(Memory memory, double association, ToDoubleFunction<Memory> ownScore,
                              Map<String, Reached> reached, Map<String, Reached> next, Set<String> seen) {
        String id = memory.memoryId();
        Reached known = reached.get(id);
        if (known != null && known.association() >= association) {
            return;
        }
        Reached candidate = new Reached(memory, association, ownScore.applyAsDouble(memory));
        reached.put(id, candidate);
        if (!seen.contains(id)) {
            next.put(id, candidate);
        }
    }

    /**
     * The memories that mention the name, or — for a name with a short form (see {@link EntityTerms#shortForm}) —
     * another name with that short form or the short form itself: {@code Node.js}, {@code node:18-alpine} and
     * {@code Node} are one thing to follow.
     */
    private List<Memory> mentioning(ReadTarget target, MemoryFilter filter, String term, String lower, Rows rows) {
        Set<Memory> found = new LinkedHashSet<>(containing(target, filter, term, lower, rows));
        String shortForm = EntityTerms.shortForm(lower);
        if (shortForm != null) {
            List<ScoredId> hits = search.keyword(target.branch(), target.at(), shortForm, filter, PER_TERM * 2);
            for (Memory memory : rows.load(hits.stream().map(ScoredId::memoryId).toList())) {
                if (lowerNames(memory).stream()
                        .anyMatch(n -> n.equals(shortForm) || shortForm.equals(EntityTerms.shortForm(n)))) {
                    found.add(memory);
                }
            }
        }
        return found.stream().limit(PER_TERM).toList();
    }

    private List<Memory> containing(ReadTarget target, MemoryFilter filter, String term, String lower, Rows rows) {
        List<ScoredId> hits = search.keyword(target.branch(), target.at(), term, filter, PER_TERM * 2);
        if (hits.isEmpty()) {
            return List.of();
        }
        return rows.load(hits.stream().map(ScoredId::memoryId).toList()).stream()
                .filter(m -> m.content().toLowerCase(Locale.ROOT).contains(lower)).limit(PER_TERM).toList();
    }

    /**
     * The memories one expansion has loaded. Names and neighbours lead to the same few memories again and again;
     * each is fetched from the store once, the rest of its visits cost a map lookup.
     */
    private static final class Rows {

        private final MemoryStore store;
        private final ReadTarget target;
        private final Map<String, Memory> loaded = new HashMap<>();
        private final Set<String> inactive = new HashSet<>();

        Rows(MemoryStore store, ReadTarget target) {
            this.store = store;
            this.target = target;
        }

        /** The active memories among the ids, in the order of the ids. */
        List<Memory> load(Collection<String> ids) {
            List<String> missing = ids.stream().filter(id -> !loaded.containsKey(id) && !inactive.contains(id))
                    .toList();
            if (!missing.isEmpty()) {
                for (Memory memory : store.findActiveByIds(target.branch(), missing, target.at())) {
                    loaded.put(memory.memoryId(), memory);
                }
                missing.stream().filter(id -> !loaded.containsKey(id)).forEach(inactive::add);
            }
            return ids.stream().map(loaded::get).filter(Objects::nonNull).toList();
        }
    }

    /** A memory and a score. */
    record Scored(Memory memory, double score) {
    }

    /** A memory reached by association, with its own score for the query. */
    record Reached(Memory memory, double association, double own) {
        /** Reaching a memory never lowers it; a memory both reached and relevant on its own gains from both. */
        double combined() {
            return Math.max(own, association + 0.3 * own);
        }
    }
}
