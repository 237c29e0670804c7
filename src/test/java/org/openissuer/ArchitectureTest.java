package org.openissuer;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The direction of docs/architecture.md: packages depend one way, and boundary, control, entity inside a feature. */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.openissuer");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.openissuer.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void nothingDependsOnTheCompositionRoot() {
        noClasses().that().resideInAPackage("org.openissuer.(*)..")
                .should().dependOnClassesThat().resideInAPackage("org.openissuer")
                .check(MAIN);
    }

    @Test
    void platformIsTheGround() {
        noClasses().that().resideInAPackage("org.openissuer.platform..")
                .should().dependOnClassesThat(resideInAPackage("org.openissuer..")
                        .and(not(resideInAPackage("org.openissuer.platform.."))))
                .check(MAIN);
    }

    @Test
    void entitiesUseNeitherControlNorBoundary() {
        noClasses().that().resideInAPackage("..entity..")
                .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..")
                .check(MAIN);
    }

    @Test
    void controlNeverUsesABoundary() {
        noClasses().that().resideInAPackage("..control..")
                .should().dependOnClassesThat().resideInAPackage("..boundary..")
                .check(MAIN);
    }

    /**
     * A java.net.http.HttpClient runs a selector thread that inherits the deployment's class loader
     * and lives as long as the client: held in a static field, it keeps every undeployed copy of
     * the application in memory (WildFly ran out of heap after some thirty redeployments).
     */
    @Test
    void noHttpClientOutlivesItsDeployment() {
        noFields().that().areStatic().should().haveRawType(java.net.http.HttpClient.class)
                .check(MAIN);
    }
}
