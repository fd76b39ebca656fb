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
import dev.memoria.ports.in.StageContribution;
import dev.memoria.ports.model.MemoryFilter;
import dev.memoria.ports.model.RetrievalParams;
import dev.memoria.ports.model.SessionFilter;
import dev.memoria.ports.out.FeedbackStore;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;
import dev.memoria.ports.out.RetrievalParamsStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Query → embed → the stages of a {@link RetrievalPipeline} over the target state → top-k. Which stages run is
 * {@link RetrievalSettings}; without an embedder (or when embedding fails) the vector source finds nothing and the
 * ranking is by keywords alone.
 */
public final class HybridRetrieval implements RetrieveMemories {

    private static final System.Logger LOG = System.getLogger(HybridRetrieval.class.getName());

    private final MemoryStore store;
    private final BranchResolver branches;
    private final Embeddings embeddings;
    private final RetrievalParamsStore paramsStore;
    private final Clock clock;
    private final RetrievalSettings settings;
    private final RetrievalPipeline pipeline;
    private AccessCounter accessCounter;

    public HybridRetrieval(MemoryStore store, MemorySearch search, BranchResolver branches, Embeddings embeddings,
                           FeedbackStore feedback, RetrievalParamsStore paramsStore, Clock clock) {
        this(store, search, branches, embeddings, feedback, paramsStore, clock, RetrievalSettings.DEFAULTS);
    }

    public HybridRetrieval(MemoryStore store, MemorySearch search, BranchResolver branches, Embeddings embeddings,
                           FeedbackStore feedback, RetrievalParamsStore paramsStore, Clock clock,
                           RetrievalSettings settings) {
        this.store = store;
        this.branches = branches;
        this.embeddings = embeddings;
        this.paramsStore = paramsStore;
        this.clock = clock;
        this.settings = settings;
        this.pipeline = RetrievalPipeline.of(settings, store, search, feedback);
    }

    @Override
    public RetrievalResult retrieve(RetrieveQuery query) {
        long started = System.nanoTime();
        ReadTarget target = branches.resolveRead(query.caller(), new AsOf(query.asOfSnapshot(), query.asOf()));
        String text = query.query().replace('\0', ' ').strip();
        if (text.isEmpty()) {
            return new RetrievalResult(List.of(), explain(query, "none", null, 0, 0, started, List.of()));
        }
        long t0 = System.nanoTime();
        float[] vector = settings.on(StageId.VECTOR) ? embedQuietly(text) : null;
        double embeddingMs = millisSince(t0);

        String userId = query.caller().userId();
        RetrievalParams params = paramsStore.find(userId).orElse(RetrievalParams.DEFAULTS);
        QueryTraits traits = QueryTraits.of(text, vector != null, embeddings.multilingual(),
                settings.on(StageId.CURRENT_STATE));
        RetrievalRun run = new RetrievalRun(text, vector, target, filterOf(query), query.topK(), userId, params,
                clock.instant(), traits, settings, new SimilarityScale(embeddings.unrelatedSimilarity()), store);
        pipeline.run(run);
        List<Candidate> ranked = run.ranked();
        List<Candidate> top = ranked.subList(0, Math.min(query.topK(), ranked.size()));

        List<ScoredMemory> results = top.stream().map(c -> new ScoredMemory(c.memory(), c.score())).toList();
        if (accessCounter != null) {
            accessCounter.record(userId, results.stream().map(s -> s.memory().memoryId()).toList());
        }
        String path = top.isEmpty() ? "none" : vector != null ? "hybrid" : "fulltext";
        List<CandidateScore> candidates = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            Candidate c = top.get(i);
            HybridScore base = c.base();
            candidates.add(new CandidateScore(c.memoryId(), i + 1, round(c.score()), round(base.vector()),
                    round(base.keyword()), round(base.temporal()), round(base.confidence()), c.trail().stream()
                    .map(t -> new StageContribution(t.stage(), round(t.value()),
                            round(t.scoreAfter()))).toList()));
        }
        return new RetrievalResult(results, explain(query, path, run, results.size(), embeddingMs, started,
                candidates));
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
            return embeddings.embedQuery(text);
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

    private RetrievalExplain explain(RetrieveQuery query, String path, RetrievalRun run, int count,
                                     double embeddingMs, long started, List<CandidateScore> candidates) {
        boolean ran = run != null;
        boolean vectorHit = ran && run.candidates().stream().anyMatch(c -> !Double.isNaN(c.cosine()));
        boolean keywordHit = ran && run.candidates().stream().anyMatch(c -> c.bm25() > 0);
        boolean graphAttempted = ran && settings.on(StageId.ASSOCIATION)
                && 1 - run.traits.vectorTrust() >= AssociationStage.MIN_STRENGTH;
        return new RetrievalExplain(query.explain(), path, ran && run.vector != null, vectorHit,
                ran && settings.on(StageId.KEYWORD), keywordHit, graphAttempted, ran && run.associated() > 0,
                ran ? run.associated() : 0, count, round(embeddingMs),
                round(ran ? run.millis(StageId.VECTOR) : 0), round(ran ? run.millis(StageId.KEYWORD) : 0),
                round(ran ? run.millis(StageId.ASSOCIATION) : 0),
                round(millisSince(started)), query.explain().withCandidates() ? candidates : List.of());
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10_000.0) / 10_000.0;
    }
}
