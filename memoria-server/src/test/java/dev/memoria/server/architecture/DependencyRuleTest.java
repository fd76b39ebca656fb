package dev.memoria.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fails the build when production code crosses a layer, and proves every rule can fail by checking it
 * against fixtures in {@code dev.memoria.archfixture} that break it on purpose.
 */
class DependencyRuleTest {

    private static JavaClasses production;
    private static JavaClasses fixtures;
    private static final HexagonalRules RULES = new HexagonalRules("dev.memoria");
    private static final HexagonalRules FIXTURE_RULES = new HexagonalRules("dev.memoria.archfixture");

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.memoria");
        fixtures = new ClassFileImporter().importPackages("dev.memoria.archfixture");
    }

    @Test
    void productionCodeIsHexagonal() {
        assertThat(production.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("dev.memoria.core"))
                .anyMatch(p -> p.startsWith("dev.memoria.adapter.sql"))
                .anyMatch(p -> p.startsWith("dev.memoria.adapter.embedding"))
                .anyMatch(p -> p.startsWith("dev.memoria.server"));
        RULES.portsDependOnlyOnTheJdk().check(production);
        RULES.coreDependsOnlyOnPorts().check(production);
        RULES.coreAndPortsUseNoJdbcOrHttp().check(production);
        RULES.adaptersSeeOnlyPorts().check(production);
        RULES.adaptersAreIndependentOfEachOther().check(production);
        RULES.embeddingAdapterDoesNotSeeStorage().check(production);
        RULES.onlyTheServerWires().check(production);
    }

    @Test
    void portsRuleCatchesAPortUsingAFramework() {
        assertViolated(FIXTURE_RULES.portsDependOnlyOnTheJdk(), "BadPort");
    }

    @Test
    void coreRuleCatchesCoreUsingAnAdapter() {
        assertViolated(FIXTURE_RULES.coreDependsOnlyOnPorts(), "CoreUsingAdapter");
    }

    @Test
    void jdbcRuleCatchesCoreUsingJdbc() {
        assertViolated(FIXTURE_RULES.coreAndPortsUseNoJdbcOrHttp(), "CoreUsingJdbc");
    }

    @Test
    void adapterRuleCatchesAnAdapterUsingCore() {
        assertViolated(FIXTURE_RULES.adaptersSeeOnlyPorts(), "AdapterUsingCore");
    }

    @Test
    void adapterIndependenceRuleCatchesStorageUsingEmbedding() {
        assertViolated(FIXTURE_RULES.adaptersAreIndependentOfEachOther(), "StorageUsingEmbedding");
    }

    @Test
    void embeddingRuleCatchesEmbeddingUsingStorage() {
        assertViolated(FIXTURE_RULES.embeddingAdapterDoesNotSeeStorage(), "EmbeddingUsingStorage");
    }

    @Test
    void wiringRuleCatchesCoreUsingTheServer() {
        assertViolated(FIXTURE_RULES.onlyTheServerWires(), "CoreUsingServer");
    }

    private static void assertViolated(ArchRule rule, String offender) {
        assertThatThrownBy(() -> rule.check(fixtures)).isInstanceOf(AssertionError.class).hasMessageContaining(offender);
    }
}
