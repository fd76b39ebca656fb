package dev.memoria.core.retrieval;

import dev.memoria.ports.in.StageContribution;

import java.util.Set;

/**
 * Discounts a memory's score by the share of its match with the query that it does not assert: words it denies
 * (see {@link Negations}) or, unless the query asks about the future, only plans (see {@link Plans}). Applies to
 * memories matched by keyword and to those association brought in, whose lift came from the same words.
 */
final class UnassertedMatchStage implements Stage {

    /** Score share lost per denied or planned part of the match: a half, like the other "answers something else" demotions. */
    static final double PENALTY = 0.5;

    private final StageId id;

    /** @param id {@link StageId#NEGATIONS} or {@link StageId#PLANS} */
    UnassertedMatchStage(StageId id) {
        if (id != StageId.NEGATIONS && id != StageId.PLANS) {
            throw new IllegalArgumentException("not an unasserted-match stage: " + id);
        }
        this.id = id;
    }

    @Override
    public StageId id() {
        return id;
    }

    @Override
    public void apply(RetrievalRun run) {
        if (id == StageId.PLANS && Plans.asksAboutFuture(run.text)) {
            return;
        }
        Set<String> affirmed = Negations.affirmedIn(run.text, QueryWords.of(run.text));
        for (Candidate c : run.candidates()) {
            if (c.bm25() <= 0 && !reachedByAssociation(c)) {
                continue;
            }
            double share = id == StageId.NEGATIONS ? Negations.deniedShare(affirmed, c.memory().content())
                    : Plans.plannedShare(affirmed, c.memory().content());
            c.rescore(id, c.score() * (1 - PENALTY * share));
        }
        run.resort();
    }

    private static boolean reachedByAssociation(Candidate c) {
        for (StageContribution step : c.trail()) {
            if (step.stage().equals(StageId.ASSOCIATION.id())) {
                return true;
            }
        }
        return false;
    }
}
