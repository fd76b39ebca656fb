package dev.memoria.core.retrieval;

import dev.memoria.core.branch.BranchResolver;
import dev.memoria.core.branch.ReadTarget;
import dev.memoria.core.write.Embeddings;
import dev.memoria.ports.error.MemoriaException;
import dev.memoria.ports.in.AsOf;
import dev.memoria.ports.in.CandidateScore;
import dev.memoria.ports.in.RetrievalExplain;
import dev.memoria.ports.in.RetrievalResult;
import dev.memoria.ports.in.RetrieveMemories;
import dev.memoria.ports.in.RetrieveQuery;
import dev.memoria.ports.in.ScoredMemory;
import dev.memoria.ports.model.FeedbackCounts;
import dev.memoria.ports.model.Memory;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.RetrievalParams;
import dev.memoria.ports.model.ScoredId;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.out.FeedbackStore;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.RetrievalParamsStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Query → embed → vector and keyword candidates over the target state → one hybrid score per memory,
 * scaled by feedback → top-k. Without an embedder (or when embedding fails) it ranks by keywords alone.
 */
public final class HybridRetrieval implements RetrieveMemories {

    private static final System.Logger LOG = System.getLogger(HybridRetrieval.class.getName());

    private final MemoryStore store;
    private final MemorySearch search;
    private final BranchResolver branches;
    private final Embeddings embeddings;
    private final FeedbackStore feedback;
    private final RetrievalParamsStore paramsStore;
    private final Clock clock;
    private final AssociativeExpansion expansion;
    private AccessCounter accessCounter;
    /** Results below this share of the best result's relevance are filler (see {@link #withoutFiller}). */
    static final double MIN_RELATIVE_RELEVANCE = 0.25;
    /**
     * Score factor for a memory that answers a different question: about another member of a kind the query names,
     * the former one of what it asks about, or nothing of the kind it asks for.
     */
    static final double OTHER_QUESTION_FACTOR = 0.5;
    /**
     * Score share a memory loses for each part of its keyword match that it denies (see {@link Negations}) or only
     * plans (see {@link Plans}): 0.15–0.7 measure the same on the benchmark; a half, like the other "about
     * something else" demotions.
     */
    static final double DENIED_MATCH_PENALTY = 0.5;

    public HybridRetrieval(MemoryStore store, MemorySearch search, BranchResolver branches, Embeddings embeddings,
                           FeedbackStore feedback, RetrievalParamsStore paramsStore, Clock clock) {
        this.store = store;
        this.search = search;
        this.branches = branches;
        this.embeddings = embeddings;
        this.feedback = feedback;
        this.paramsStore = paramsStore;
        this.clock = clock;
        this.expansion = new AssociativeExpansion(store, search);
    }

    @Override
    public RetrievalResult retrieve(RetrieveQuery query) {
        long started = System.nanoTime();
        ReadTarget target = branches.resolveRead(query.caller(), new AsOf(query.asOfSnapshot(), query.asOf()));
        MemoryFilter filter = filterOf(query);
        int fetchK = Math.max(3 * query.topK(), 20);
        String text = query.query().replace('\0', ' ').strip();
        if (text.isEmpty()) {
            return new RetrievalResult(List.of(), explain(query, "none", Stages.NONE, 0, started, List.of()));
        }

        long t0 = System.nanoTime();
        float[] vector = embedQuietly(text);
        double embeddingMs = millisSince(t0);

        Map<String, Double> cosines = new HashMap<>();
        double vectorMs = 0;
        if (vector != null) {
            long t1 = System.nanoTime();
            for (ScoredId hit : search.nearest(target.branch(), target.at(), vector, filter, fetchK)) {
                cosines.put(hit.memoryId(), hit.score());
            }
            vectorMs = millisSince(t1);
        }
        long t2 = System.nanoTime();
        Map<String, Double> bm25 = new HashMap<>();
        for (ScoredId hit : search.keyword(target.branch(), target.at(), Acronyms.expand(text), filter, fetchK)) {
            bm25.put(hit.memoryId(), hit.score());
        }
        double fulltextMs = millisSince(t2);

        LinkedHashMap<String, Boolean> candidateIds = new LinkedHashMap<>();
        cosines.keySet().forEach(id -> candidateIds.put(id, true));
        bm25.keySet().forEach(id -> candidateIds.putIfAbsent(id, true));
        List<Memory> memories = candidateIds.isEmpty() ? List.of()
                : store.findActiveByIds(target.branch(), candidateIds.keySet(), target.at());

        String userId = query.caller().userId();
        RetrievalParams params = paramsStore.find(userId).orElse(RetrievalParams.DEFAULTS);
        Map<String, FeedbackCounts> counts = memories.isEmpty() ? Map.of()
                : feedback.countsByMemory(userId, candidateIds.keySet());
        double bestBm25 = bm25.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Instant now = clock.instant();
        QueryTraits traits = QueryTraits.of(text, vector != null, embeddings.multilingual());

        Set<String> affirmedWords = Negations.affirmedIn(text, QueryWords.of(text));
        boolean plansAreNotAnswers = !Plans.asksAboutFuture(text);
        ToDoubleFunction<String> unasserted = content -> unassertedFactor(content, affirmedWords, plansAreNotAnswers);
        StatedTimeline timeline = traits.asksForCurrentState() ? StatedTimeline.of(memories) : StatedTimeline.NONE;
        List<Ranked> ranked = new ArrayList<>(memories.size());
        for (Memory memory : memories) {
            HybridScore score = HybridScore.of(memory, cosines.getOrDefault(memory.memoryId(), Double.NaN),
                    bm25.getOrDefault(memory.memoryId(), 0.0), bestBm25, params, now, traits, timeline);
            if (score.confidence() < HybridScore.MIN_CONFIDENCE) {
                continue;
            }
            double total = score.total()
                    * FeedbackMultiplier.of(counts.get(memory.memoryId()), params.feedbackWeight());
            if (score.keyword() > 0) {
                total *= unasserted.applyAsDouble(memory.content());
            }
            ranked.add(new Ranked(memory, score, total));
        }
        ranked.sort(BEST_FIRST);
        List<Ranked> firstPass = ranked;
        long t3 = System.nanoTime();
        Association association = associate(target, filter, text, ranked, vector, params, now, userId, traits,
                timeline, query.topK());
        ranked = association.ranked();
        if (association.attempted()) {
            ranked = unassertedLiftsDiscounted(firstPass, withAnchoredTargets(text, ranked), unasserted);
        }
        double graphMs = millisSince(t3);
        ranked = demoteAnswersToOtherQuestions(ranked, NamedSiblings.of(text), FormerOnes.of(text),
                AskedKind.of(text).notAnswering(ranked.stream().map(Ranked::memory).toList(), query.topK()));
        if (traits.vectorTrust() >= 1) {
            // similarity between memories comes from the embeddings: only where they are trusted for the language
            ranked = Diversity.reorder(ranked, query.topK(), Ranked::total, r -> r.memory().embedding());
        }
        List<Ranked> top = ranked.subList(0, Math.min(query.topK(), ranked.size()));
        top = withoutFiller(top, traits);

        List<ScoredMemory> results = top.stream().map(r -> new ScoredMemory(r.memory(), r.total())).toList();
        if (accessCounter != null) {
            accessCounter.record(userId, results.stream().map(s -> s.memory().memoryId()).toList());
        }
        String path = top.isEmpty() ? "none" : vector != null ? "hybrid" : "fulltext";
        List<CandidateScore> candidates = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Ranked r = top.get(i);
            candidates.add(new CandidateScore(r.memory().memoryId(), i + 1, round(r.total()), round(r.score().vector()),
                    round(r.score().keyword()), round(r.score().temporal()), round(r.score().confidence())));
        }
        Stages stages = new Stages(vector != null, !cosines.isEmpty(), true, !bm25.isEmpty(), association.attempted(),
                association.reached() > 0, association.reached(), embeddingMs, vectorMs, fulltextMs, graphMs);
        return new RetrievalResult(results, explain(query, path, stages, results.size(), started, candidates));
    }

    /**
     * Applies the denied and planned discount to what association added, too: "payment-service 不支持 gRPC" shares a
     * name with a note about gRPC and would otherwise be lifted by it to where the discount of its own match does
     * not reach, as an answer to "哪些服务在用 gRPC？".
     */
    private static List<Ranked> unassertedLiftsDiscounted(List<Ranked> firstPass, List<Ranked> ranked,
                                                          ToDoubleFunction<String> unasserted) {
        Map<String, Double> own = new HashMap<>();
        firstPass.forEach(r -> own.put(r.memory().memoryId(), r.total()));
        return rescored(ranked, r -> {
            Double before = own.get(r.memory().memoryId());
            return before != null && r.total() <= before ? r.total()
                    : r.total() * unasserted.applyAsDouble(r.memory().content());
        });
    }

    /**
     * The share of its score a memory keeps for matching the query's words only where it denies them
     * (see {@link Negations}) or only plans them (see {@link Plans}, unless the query asks about plans).
     */
    private static double unassertedFactor(String content, Set<String> affirmedWords, boolean plansAreNotAnswers) {
        double factor = 1 - DENIED_MATCH_PENALTY * Negations.deniedShare(affirmedWords, content);
        if (plansAreNotAnswers) {
            factor *= 1 - DENIED_MATCH_PENALTY * Plans.plannedShare(affirmedWords, content);
        }
        return factor;
    }

    /**
     * Raises the memories that answer the rest of a question naming something and are linked to it by a short chain
     * of names (see {@link AnchoredTargets}). Part of association: like it, only where vectors cannot judge meaning.
     */
    private static List<Ranked> withAnchoredTargets(String text, List<Ranked> ranked) {
        Map<String, Double> lifted = AnchoredTargets.of(text,
                ranked.stream().map(r -> new AssociativeExpansion.Scored(r.memory(), r.total())).toList()).lifts();
        return lifted.isEmpty() ? ranked
                : rescored(ranked, r -> lifted.getOrDefault(r.memory().memoryId(), r.total()));
    }

    /**
     * Halves the score of memories about another member of a kind the query names ("Project Alpha …" when the
     * question is about Project Beta), about the former one of what it asks about ("the previous project …" when
     * it asks about the project), or naming none of the kind of thing it asks for ("所有 gRPC 调用都需要客户端证书"
     * for "哪些服务在用 gRPC？", see {@link AskedKind}): sharing the topic words makes them look relevant, but they
     * answer a different question.
     */
    private static List<Ranked> demoteAnswersToOtherQuestions(List<Ranked> ranked, NamedSiblings siblings,
                                                              FormerOnes formerOnes, Set<String> notAnswering) {
        Predicate<Memory> other = memory -> notAnswering.contains(memory.memoryId())
                || siblings.namesOnlyOthers(memory.content()) || formerOnes.namesOnlyFormer(memory.content());
        return rescored(ranked, r -> other.test(r.memory()) ? r.total() * OTHER_QUESTION_FACTOR : r.total());
    }

    /** The ranking with each memory's total replaced by what {@code total} gives for it, best first. */
    private static List<Ranked> rescored(List<Ranked> ranked, ToDoubleFunction<Ranked> total) {
        List<Ranked> out = new ArrayList<>(ranked.size());
        boolean changed = false;
        for (Ranked r : ranked) {
            double score = total.applyAsDouble(r);
            changed |= score != r.total();
            out.add(score == r.total() ? r : new Ranked(r.memory(), r.score(), score));
        }
        if (!changed) {
            return ranked;
        }
        out.sort(BEST_FIRST);
        return out;
    }

    /**
     * Drops results whose relevance to the query is a small fraction of the best one's: with few relevant memories
     * they only fill the list up to {@code top_k} (an agent then reads unrelated notes as context). Applies where
     * the ranking is by each memory's own relevance; a memory reached by association has little of its own.
     */
    private static List<Ranked> withoutFiller(List<Ranked> top, QueryTraits traits) {
        if (top.isEmpty() || traits.vectorTrust() < 1) {
            return top;
        }
        double best = top.stream().mapToDouble(r -> r.score().relevance()).max().orElse(0);
        return top.stream().filter(r -> r.score().relevance() >= MIN_RELATIVE_RELEVANCE * best).toList();
    }

    /**
     * Adds or lifts the memories the best results lead to by name (see {@link AssociativeExpansion}). It stands
     * in for meaning where vectors cannot: its strength is what the query's vector trust leaves, so for text the
     * embedding model handles well the ranking is left to the vectors.
     */
    private Association associate(ReadTarget target, MemoryFilter filter, String text, List<Ranked> ranked,
                                  float[] vector, RetrievalParams params, Instant now, String userId,
                                  QueryTraits traits, StatedTimeline timeline, int topK) {
        double strength = 1 - traits.vectorTrust();
        if (ranked.isEmpty() || strength < 0.2) {
            return new Association(ranked, false, 0);
        }
        Map<String, Ranked> byId = new LinkedHashMap<>();
        ranked.forEach(r -> byId.put(r.memory().memoryId(), r));
        var seeds = ranked.stream().map(r -> new AssociativeExpansion.Scored(r.memory(), r.total())).toList();
        Map<String, AssociativeExpansion.Reached> reached = expansion.expand(target, filter, text, seeds, strength,
                memory -> {
            Ranked known = byId.get(memory.memoryId());
            if (known != null) {
                return known.total();
            }
            double cosine = vector != null ? Vectors.dot(vector, memory.embedding()) : Double.NaN;
            return HybridScore.of(memory, cosine, 0, 1, params, now, traits, timeline).total();
        });
        if (reached.isEmpty()) {
            return new Association(ranked, true, 0);
        }
        Map<String, FeedbackCounts> counts = feedback.countsByMemory(userId, reached.keySet());
        // the pool holds the memories reached too: those are the ones association would bring in
        List<AssociativeExpansion.Scored> pool = new ArrayList<>(seeds);
        reached.values().stream().filter(r -> !byId.containsKey(r.memory().memoryId()))
                .forEach(r -> pool.add(new AssociativeExpansion.Scored(r.memory(), r.own())));
        Set<String> unrelated = AnchoredTargets.of(text, pool).unrelated(topK);
        for (AssociativeExpansion.Reached r : reached.values()) {
            if (unrelated.contains(r.memory().memoryId())) {
                continue;
            }
            Ranked known = byId.get(r.memory().memoryId());
            double multiplier = FeedbackMultiplier.of(counts.get(r.memory().memoryId()), params.feedbackWeight());
            double combined = r.combined() * (known == null ? multiplier : 1.0);
            if (known == null) {
                double cosine = vector != null ? Vectors.dot(vector, r.memory().embedding()) : Double.NaN;
                HybridScore score = HybridScore.of(r.memory(), cosine, 0, 1, params, now, traits, timeline);
                if (score.confidence() >= HybridScore.MIN_CONFIDENCE) {
                    byId.put(r.memory().memoryId(), new Ranked(r.memory(), score, combined));
                }
            } else if (combined > known.total()) {
                byId.put(r.memory().memoryId(), new Ranked(known.memory(), known.score(), combined));
            }
        }
        List<Ranked> merged = new ArrayList<>(byId.values());
        merged.sort(BEST_FIRST);
        return new Association(merged, true, reached.size());
    }

    /** Counts what retrieval returns (see {@link AccessCounter}). */
    public HybridRetrieval countingAccessesWith(AccessCounter counter) {
        this.accessCounter = counter;
        return this;
    }

    private float[] embedQuietly(String text) {
        if (!embeddings.available()) {
            return null;
        }
        try {
            return embeddings.embed(text);
        } catch (MemoriaException e) {
            // Retrieval degrades to keywords rather than failing when the embedder is down.
            LOG.log(System.Logger.Level.WARNING, "query embedding failed, using keyword retrieval only: {0}",
                    e.getMessage());
            return null;
        }
    }

    private static MemoryFilter filterOf(RetrieveQuery query) {
        MemoryFilter filter = MemoryFilter.ALL.withTypes(query.memoryTypes());
        if (query.subjectId() != null) {
            filter = filter.withSubject(query.subjectId());
        }
        if (query.sessionOnly()) {
            filter = filter.withSession(SessionFilter.orUnscoped(query.sessionId()));
        }
        return filter;
    }

    private static RetrievalExplain explain(RetrieveQuery query, String path, Stages stages, int count, long started,
                                            List<CandidateScore> candidates) {
        return new RetrievalExplain(query.explain(), path, stages.vectorAttempted(), stages.vectorHit(),
                stages.fulltextAttempted(), stages.fulltextHit(), stages.graphAttempted(), stages.graphHit(),
                stages.graphCandidates(), count, round(stages.embeddingMs()), round(stages.vectorMs()),
                round(stages.fulltextMs()), round(stages.graphMs()), round(millisSince(started)),
                query.explain().withCandidates() ? candidates : List.of());
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }

    private record Ranked(Memory memory, HybridScore score, double total) {
    }

    /** Highest total first; ties by memory id, newest first, so that equal scores rank the same on every call. */
    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::total).reversed()
            .thenComparing(r -> r.memory().memoryId(), Comparator.reverseOrder());

    /** The ranking after associative expansion, and whether it ran and how many memories it reached. */
    private record Association(List<Ranked> ranked, boolean attempted, int reached) {
    }

    /** What each retrieval stage did, for the explain output. */
    private record Stages(boolean vectorAttempted, boolean vectorHit, boolean fulltextAttempted, boolean fulltextHit,
                          boolean graphAttempted, boolean graphHit, int graphCandidates, double embeddingMs,
                          double vectorMs, double fulltextMs, double graphMs) {
        static final Stages NONE = new Stages(false, false, false, false, false, false, 0, 0, 0, 0, 0);
    }
}
