package dev.patchbay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.patchbay");
    }

    /** Classes of libraries, or of {@code allowedPackage} and its subpackages. */
    private static DescribedPredicate<JavaClass> outsidePatchbayOr(String allowedPackage) {
        return DescribedPredicate.describe("outside Patchbay or in " + allowedPackage, target -> {
            String name = target.getPackageName();
            return !name.startsWith("dev.patchbay") || name.equals(allowedPackage)
                    || name.startsWith(allowedPackage + ".");
        });
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("dev.patchbay.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void scimGoesThroughProvisioningOnly() {
        noClasses().that().resideInAPackage("dev.patchbay.scim..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchbay.store..", "dev.patchbay.job..",
                        "dev.patchbay.connector..", "dev.patchbay.admin..", "dev.patchbay.followup..",
                        "dev.patchbay.sandbox..")
                .check(classes);
    }

    @Test
    void provisioningKnowsNoProtocolOrAdminCode() {
        noClasses().that().resideInAPackage("dev.patchbay.provisioning..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchbay.scim..", "dev.patchbay.admin..",
                        "dev.patchbay.sandbox..", "dev.patchbay.web..", "dev.patchbay.reconcile..",
                        "dev.patchbay.seats..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Beside provisioning: they read its view and use connector, store, followup and job, never a protocol. */
    @Test
    void reconcileAndSeatsSitBesideProvisioning() {
        noClasses().that().resideInAnyPackage("dev.patchbay.reconcile..", "dev.patchbay.seats..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchbay.scim..", "dev.patchbay.admin..",
                        "dev.patchbay.sandbox..", "dev.patchbay.web..", "dev.patchbay.security..",
                        "dev.patchbay.console..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.patchbay.reconcile..")
                .should().dependOnClassesThat().resideInAPackage("dev.patchbay.seats..")
                .check(classes);
    }

    @Test
    void vendorConnectorsDependOnTheConnectorSpiOnly() {
        classes().that().resideInAPackage("dev.patchbay.connector.(*)..")
                .should().onlyDependOnClassesThat(outsidePatchbayOr("dev.patchbay.connector"))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void vendorConnectorsDoNotDependOnEachOther() {
        // The connector kit (shared HTTP client, failure classifier, OAuth tokens) is for every vendor.
        slices().matching("dev.patchbay.connector.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.patchbay.connector.kit.."))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void connectorSpiDependsOnNothingElseOfPatchbay() {
        noClasses().that().resideInAPackage("dev.patchbay.connector")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.patchbay.connector..", "java..",
                        "javax..", "jakarta..", "com.fasterxml..", "io.smallrye..", "org.jboss..", "io.quarkus..")
                .check(classes);
    }

    @Test
    void sandboxIsIndependentOfTheCore() {
        classes().that().resideInAPackage("dev.patchbay.sandbox..")
                .should().onlyDependOnClassesThat(outsidePatchbayOr("dev.patchbay.sandbox"))
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void nothingOfTheCoreUsesTheSandbox() {
        noClasses().that().resideOutsideOfPackage("dev.patchbay.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("dev.patchbay.sandbox..")
                .check(classes);
    }

    @Test
    void consoleUsesWhatAdminMayUseButNotTheSandbox() {
        noClasses().that().resideInAPackage("dev.patchbay.console..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchbay.sandbox..")
                .check(classes);
    }

    @Test
    void nothingOfTheCoreUsesTheConsole() {
        noClasses().that().resideOutsideOfPackage("dev.patchbay.console..")
                .should().dependOnClassesThat().resideInAPackage("dev.patchbay.console..")
                .check(classes);
    }

    @Test
    void storeHoldsEntitiesOnly() {
        noClasses().that().resideInAPackage("dev.patchbay.store..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.patchbay.scim..", "dev.patchbay.admin..",
                        "dev.patchbay.provisioning..", "dev.patchbay.connector..", "dev.patchbay.job..",
                        "dev.patchbay.security..", "dev.patchbay.web..", "dev.patchbay.sandbox..")
                .check(classes);
    }
}
