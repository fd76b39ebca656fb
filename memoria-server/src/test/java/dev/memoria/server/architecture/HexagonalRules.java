package dev.memoria.server.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rule of the design, as ArchUnit rules over a root package, so that the same rules can be
 * checked against the real code ({@code dev.memoria}) and against deliberately broken fixtures.
 *
 * <pre>
 *   ports  ←  core
 *     ↑
 *   adapters (sql, embedding)          server → everything
 * </pre>
 */
final class HexagonalRules {

    /** Libraries every layer may use: the JDK itself. */
    private static final String[] JDK = {"java..", "javax.annotation..", "javax.crypto.."};

    private final String root;

    HexagonalRules(String root) {
        this.root = root;
    }

    private String pkg(String sub) {
        return root + "." + sub + "..";
    }

    ArchRule portsDependOnlyOnTheJdk() {
        return classes().that().resideInAPackage(pkg("ports"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, pkg("ports")))
                .as("ports depend only on the JDK");
    }

    ArchRule coreDependsOnlyOnPorts() {
        return classes().that().resideInAPackage(pkg("core"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDK, pkg("ports"), pkg("core")))
                .as("core depends only on ports and the JDK");
    }

    ArchRule coreAndPortsUseNoJdbcOrHttp() {
        return noClasses().that().resideInAnyPackage(pkg("core"), pkg("ports"))
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..",
                        "com.sun.net.httpserver..")
                .as("core and ports use no JDBC or HTTP types");
    }

    ArchRule adaptersSeeOnlyPorts() {
        return noClasses().that().resideInAPackage(pkg("adapter"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("core"), pkg("server"))
                .as("adapters depend on ports, never on core or server");
    }

    ArchRule adaptersAreIndependentOfEachOther() {
        return noClasses().that().resideInAPackage(pkg("adapter.sql"))
                .should().dependOnClassesThat().resideInAPackage(pkg("adapter.embedding"))
                .orShould().dependOnClassesThat().resideInAPackage(root + ".adapter.embedding..")
                .as("the storage adapter does not use the embedding adapter");
    }

    ArchRule embeddingAdapterDoesNotSeeStorage() {
        return noClasses().that().resideInAPackage(pkg("adapter.embedding"))
                .should().dependOnClassesThat().resideInAPackage(pkg("adapter.sql"))
                .as("the embedding adapter does not use the storage adapter");
    }

    ArchRule onlyTheServerWires() {
        return noClasses().that().resideOutsideOfPackage(pkg("server"))
                .and().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAPackage(pkg("server"))
                .as("only the server depends on the server");
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
