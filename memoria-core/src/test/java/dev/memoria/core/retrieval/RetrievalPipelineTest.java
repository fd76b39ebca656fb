package dev.memoria.core.retrieval;

import dev.memoria.core.Memoria;
import dev.memoria.core.testing.InMemoryStorage;
import dev.memoria.core.testing.WordHashEmbedder;
import dev.memoria.ports.error.ConfigurationException;
import dev.memoria.ports.in.Caller;
import dev.memoria.ports.in.CandidateScore;
import dev.memoria.ports.in.ExplainLevel;
import dev.memoria.ports.in.RetrievalResult;
import dev.memoria.ports.in.RetrieveQuery;
import dev.memoria.ports.in.StageContribution;
import dev.memoria.ports.in.StoreCommand;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetrievalPipelineTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryStorage storage = new InMemoryStorage(clock);
    private final Caller user = Caller.of("u1");

    private Memoria memoria(RetrievalSettings settings) {
        return Memoria.builder().storage(storage.ports()).embedder(new WordHashEmbedder()).clock(clock)
                .retrievalSettings(settings).build();
    }

    private static StoreCommand command(Caller caller, String content) {
        return new StoreCommand(caller, content, null, null, null, null, null, null, null);
    }

    private static RetrieveQuery verbose(Caller caller, String text, int topK) {
        return new RetrieveQuery(caller, text, topK, null, false, null, Set.of(), ExplainLevel.VERBOSE, null, null);
    }

    @Test
    void explainShowsEveryStageThatTouchedAReturnedMemoryInPipelineOrder() {
        Memoria memoria = memoria(RetrievalSettings.DEFAULTS);
        memoria.store(command(user, "the kettle needs descaling every month"));

        CandidateScore only = memoria.retrieve(verbose(user, "kettle descaling", 5)).explain().candidateScores().get(0);

        List<String> stages = only.trail().stream().map(StageContribution::stage).toList();
        assertThat(stages).startsWith("vector", "keyword", "fusion", "recency");
        StageContribution last = only.trail().get(only.trail().size() - 1);
        assertThat(last.scoreAfter()).isEqualTo(only.finalScore());
    }

    @Test
    void aStageSwitchedOffLeavesNoTraceAndItsSignalIsMissing() {
        Memoria memoria = memoria(RetrievalSettings.of("", List.of(), List.of("keyword", "recency")));
        memoria.store(command(user, "the kettle needs descaling every month"));

        RetrievalResult result = memoria.retrieve(verbose(user, "kettle descaling", 5));

        CandidateScore only = result.explain().candidateScores().get(0);
        assertThat(only.trail()).extracting(StageContribution::stage).doesNotContain("keyword", "recency");
        assertThat(only.keywordScore()).isZero();
        assertThat(result.explain().fulltextAttempted()).isFalse();
    }

    @Test
    void everyFusionModeRanksAMemoryMatchingBothSourcesFirst() {
        for (Fusion fusion : Fusion.values()) {
            InMemoryStorage fresh = new InMemoryStorage(clock);
            Memoria memoria = Memoria.builder().storage(fresh.ports()).embedder(new WordHashEmbedder()).clock(clock)
                    .retrievalSettings(RetrievalSettings.DEFAULTS.withFusion(fusion)).build();
            memoria.store(command(user, "basil dies below ten degrees outside"));
            memoria.store(command(user, "the gate hinge squeaks"));
            memoria.store(command(user, "basil seedlings sit on the kitchen window"));

            List<String> top = memoria.retrieve(RetrieveQuery.simple(user, "basil outside degrees", 2)).memories()
                    .stream().map(s -> s.memory().content()).toList();

            assertThat(top).as(fusion.id()).first().isEqualTo("basil dies below ten degrees outside");
        }
    }

    @Test
    void decayedConfidenceOrdersResultsButNeverHidesThem() {
        Memoria memoria = memoria(RetrievalSettings.DEFAULTS);
        StoreCommand old = new StoreCommand(user, "the boiler was serviced by a local firm", null, null, null, null,
                null, Instant.parse("2020-01-01T00:00:00Z"), null);
        memoria.store(old);

        assertThat(memoria.retrieve(RetrieveQuery.simple(user, "who serviced the boiler", 5)).memories()).hasSize(1);
    }

    @Test
    void unknownStagesAndFusionModesAreConfigurationErrorsNamingTheValidOnes() {
        assertThatThrownBy(() -> RetrievalSettings.of("", List.of("telepathy"), List.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("association");
        assertThatThrownBy(() -> RetrievalSettings.of("average", List.of(), List.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("rrf");
    }

    @Test
    void fusionCannotBeSwitchedOffOnlyChanged() {
        RetrievalSettings settings = RetrievalSettings.of("rrf", List.of(), List.of("fusion"));

        assertThat(settings.on(StageId.FUSION)).isTrue();
        assertThat(settings.fusion()).isEqualTo(Fusion.RRF);
    }
}
