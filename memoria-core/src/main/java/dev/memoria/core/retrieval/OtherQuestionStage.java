package dev.memoria.core.retrieval;

import dev.memoria.ports.model.Memory;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Halves the score of memories that share the query's topic words but answer a different question: about another
 * member of a kind the query names ({@link NamedSiblings}), about the former one of what it asks about
 * ({@link FormerOnes}), or naming nothing of the kind a "which …" query asks for ({@link AskedKind}).
 */
final class OtherQuestionStage implements Stage {

    static final double FACTOR = 0.5;

    private final StageId id;

    /** @param id {@link StageId#NAMED_SIBLINGS}, {@link StageId#FORMER_ONES} or {@link StageId#ASKED_KIND} */
    OtherQuestionStage(StageId id) {
        if (id != StageId.NAMED_SIBLINGS && id != StageId.FORMER_ONES && id != StageId.ASKED_KIND) {
            throw new IllegalArgumentException("not an other-question stage: " + id);
        }
        this.id = id;
    }

    @Override
    public StageId id() {
        return id;
    }

    @Override
    public void apply(RetrievalRun run) {
        if (run.empty()) {
            return;
        }
        Predicate<Memory> other = switch (id) {
            case NAMED_SIBLINGS -> {
                NamedSiblings siblings = NamedSiblings.of(run.text);
                yield m -> siblings.namesOnlyOthers(m.content());
            }
            case FORMER_ONES -> {
                FormerOnes former = FormerOnes.of(run.text);
                yield m -> former.namesOnlyFormer(m.content());
            }
            default -> {
                Set<String> notAnswering = AskedKind.of(run.text)
                        .notAnswering(run.ranked().stream().map(Candidate::memory).toList(), run.topK);
                yield m -> notAnswering.contains(m.memoryId());
            }
        };
        for (Candidate c : run.candidates()) {
            if (other.test(c.memory())) {
                c.rescore(id, c.score() * FACTOR);
            }
        }
        run.resort();
    }
}
