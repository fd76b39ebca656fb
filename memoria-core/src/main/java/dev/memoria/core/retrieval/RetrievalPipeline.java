package dev.memoria.core.retrieval;

import dev.memoria.ports.out.FeedbackStore;
import dev.memoria.ports.out.MemorySearch;
import dev.memoria.ports.out.MemoryStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The retrieval stages that the settings switch on, in their fixed order (the order of {@link StageId}). Every
 * stage reads and changes the one {@link RetrievalRun}; none calls another, so a stage can be switched off without
 * touching the others.
 */
final class RetrievalPipeline {

    private final List<Stage> stages;

    RetrievalPipeline(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    static RetrievalPipeline of(RetrievalSettings settings, MemoryStore store, MemorySearch search,
                                FeedbackStore feedback) {
        List<Stage> stages = new ArrayList<>();
        for (StageId id : StageId.values()) {
            // fusion always runs: without it no candidate would have a score
            if (!settings.on(id) && id != StageId.FUSION) {
                continue;
            }
            switch (id) {
                case VECTOR -> stages.add(new VectorSource(search));
                case KEYWORD -> stages.add(new KeywordSource(search));
                case FUSION -> stages.add(new FusionStage(settings.fusion()));
                case RECENCY -> stages.add(new RecencyStage());
                case FEEDBACK -> stages.add(new FeedbackStage(feedback));
                case ASSOCIATION -> stages.add(new AssociationStage(store, search, feedback,
                        settings.on(StageId.FEEDBACK)));
                case DIVERSITY -> stages.add(new DiversityStage());
                case CUTOFF -> stages.add(new CutoffStage());
                // changes how fusion and recency score rather than running on its own
                case CURRENT_STATE -> { }
            }
        }
        return new RetrievalPipeline(stages);
    }

    void run(RetrievalRun run) {
        for (Stage stage : stages) {
            long started = System.nanoTime();
            stage.apply(run);
            run.timed(stage.id(), (System.nanoTime() - started) / 1_000_000.0);
        }
    }

    List<StageId> ids() {
        return stages.stream().map(Stage::id).toList();
    }
}
