package dev.memoria.core.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcronymsTest {

    @Test
    void capitalisedPhrasesOfThreeOrMoreWordsGiveTheirInitials() {
        assertThat(Acronyms.of("Should we use React Server Components now?")).containsExactly("RSC");
        assertThat(Acronyms.of("我们现在应该用 React Server Components 吗？")).containsExactly("RSC");
        assertThat(Acronyms.of("Single Sign-On and Role Based Access Control")).containsExactly("SSO", "RBAC", "BAC");
    }

    @Test
    void shorterOrLowerCasePhrasesAddNothing() {
        assertThat(Acronyms.of("Project Alpha uses React")).isEmpty();
        assertThat(Acronyms.of("react server components")).isEmpty();
        assertThat(Acronyms.expand("What is the API rate limit?")).isEqualTo("What is the API rate limit?");
    }

    @Test
    void expandAppendsTheAcronyms() {
        assertThat(Acronyms.expand("Is React Server Components stable?"))
                .isEqualTo("Is React Server Components stable? IRSC RSC");
    }

    @Test
    void longRunsAreScannedWithoutRecursion() {
        // a repeated regex group recursed once per word here and overflowed the stack
        String run = "A - ".repeat(20_000) + "é";
        assertThat(Acronyms.of(run)).isEmpty();
        assertThat(Acronyms.of("Alpha Beta Gamma ".repeat(10_000))).isEmpty();
        assertThat(NamedSiblings.of(run).namesOnlyOthers(run)).isFalse();
    }

    @Test
    void wordsGluedToOtherLettersDoNotStartOrContinueARun() {
        assertThat(Acronyms.of("éReact Server Components")).isEmpty();
        assertThat(Acronyms.of("xReact Server Components Now")).containsExactly("SCN");
    }
}
