package dev.memoria.core.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamedSiblingsTest {

    private final NamedSiblings beta = NamedSiblings.of("What is Project Beta's frontend framework?");

    @Test
    void aMemoryNamingOnlyAnotherProjectIsAboutSomethingElse() {
        assertThat(beta.namesOnlyOthers("Project Alpha uses React 18 with TypeScript for the frontend.")).isTrue();
    }

    @Test
    void memoriesNamingTheWantedOneOrNoneOfTheKindAreFine() {
        assertThat(beta.namesOnlyOthers("Project Beta uses Vue 3 with Nuxt.")).isFalse();
        assertThat(beta.namesOnlyOthers("Project Alpha and Project Beta share one CI pipeline.")).isFalse();
        assertThat(beta.namesOnlyOthers("Both projects deploy to Kubernetes on AWS EKS.")).isFalse();
    }

    @Test
    void longerCapitalisedRunsAndQuestionWordsAreNotKinds() {
        NamedSiblings rsc = NamedSiblings.of("Should we use React Server Components now?");
        assertThat(rsc.namesOnlyOthers("We paused React 19.1 adoption and RSC.")).isFalse();
        NamedSiblings question = NamedSiblings.of("What Team owns billing?");
        assertThat(question.namesOnlyOthers("What Else could go wrong")).isFalse();
        assertThat(NamedSiblings.of("how do I deploy?").namesOnlyOthers("Project Alpha deploys daily")).isFalse();
    }
}
