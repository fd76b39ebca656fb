package dev.memoria.core.retrieval;

import java.util.Map;

/**
 * Raises the memories that answer the rest of a question naming something and are linked to it by a short chain
 * of names (see {@link AnchoredTargets}). Part of association: like it, only where vectors cannot judge meaning.
 */
final class AnchoredTargetsStage implements Stage {

    @Override
    public StageId id() {
        return StageId.ANCHORED_TARGETS;
    }

    @Override
    public void apply(RetrievalRun run) {
        if (1 - run.traits.vectorTrust() < AssociationStage.MIN_STRENGTH || run.empty()) {
            return;
        }
        var pool = run.ranked().stream().map(c -> new AssociativeExpansion.Scored(c.memory(), c.score())).toList();
        Map<String, Double> lifted = AnchoredTargets.of(run.text, pool).lifts();
        lifted.forEach((memoryId, score) -> run.get(memoryId).rescore(id(), score));
        run.resort();
    }
}
