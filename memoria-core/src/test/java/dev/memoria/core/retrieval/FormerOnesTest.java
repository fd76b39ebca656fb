package dev.memoria.core.retrieval;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormerOnesTest {

    private final FormerOnes project = FormerOnes.of("What database does the project use?");

    @Test
    void aMemoryAboutOnlyThePreviousOneIsAboutSomethingElse() {
        assertThat(project.namesOnlyFormer("The previous project used MongoDB but we migrated away in 2024.")).isTrue();
        assertThat(project.namesOnlyFormer("Our former project ran on Oracle")).isTrue();
        assertThat(FormerOnes.of("网关用什么？").namesOnlyFormer("旧的网关用 Nginx")).isTrue();
        assertThat(FormerOnes.of("现在的项目用哪个数据库？").namesOnlyFormer("之前的项目用 MongoDB")).isTrue();
    }

    @Test
    void aMemoryThatAlsoNamesTheThingPlainlyOrNotAtAllIsFine() {
        assertThat(project.namesOnlyFormer("The project uses PostgreSQL 15 with pgvector.")).isFalse();
        assertThat(project.namesOnlyFormer("Unlike the previous project, this project uses PostgreSQL.")).isFalse();
        assertThat(project.namesOnlyFormer("MySQL 8.0 was evaluated but rejected.")).isFalse();
        assertThat(project.namesOnlyFormer("The old subproject used SQLite")).as("another word").isFalse();
    }

    @Test
    void aQueryAboutTheFormerOneItselfDemotesNothing() {
        FormerOnes previous = FormerOnes.of("What database did the previous project use?");
        assertThat(previous.namesOnlyFormer("The previous project used MongoDB.")).isFalse();
        assertThat(FormerOnes.of("what is the use of it?").namesOnlyFormer("the old use of it")).as("short words")
                .isFalse();
    }
}
