package dev.jgvm.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries of ARCHITECTURE.md that hold today, checked on the compiled classes of every module. Rules still to
 * reach (plugins seeing only the SPI and value types, an SPI free of the implementation, commands that touch no store,
 * HTTP or files) are listed in ARCHITECTURE.md under 'Boundaries'; each becomes a rule here when it holds.
 */
class ArchitectureTest {
    private static final JavaClasses JGVM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jgvm");

    @Test
    void nothingBelowTheCliSeesTheCli() {
        noClasses().that().resideOutsideOfPackage("dev.jgvm.cli..").should().dependOnClassesThat().resideInAPackage("dev.jgvm.cli..")
                .check(JGVM);
    }

    @Test
    void coreSeesNeitherThePluginsNorTheShims() {
        noClasses().that().resideInAPackage("dev.jgvm.core..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.jgvm.plugins..", "dev.jgvm.shims..").check(JGVM);
    }

    @Test
    void thePluginsAndTheShimsDoNotSeeEachOther() {
        noClasses().that().resideInAPackage("dev.jgvm.plugins..").should().dependOnClassesThat().resideInAPackage("dev.jgvm.shims..")
                .check(JGVM);
        noClasses().that().resideInAPackage("dev.jgvm.shims..").should().dependOnClassesThat().resideInAPackage("dev.jgvm.plugins..")
                .check(JGVM);
    }

    @Test
    void versionsAndErrorsAreValueTypesThatDependOnNothingElse() {
        noClasses().that().resideInAnyPackage("dev.jgvm.core.version..", "dev.jgvm.core.error..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.jgvm.core.config..", "dev.jgvm.core.download..", "dev.jgvm.core.transport..", "dev.jgvm.core.store..",
                        "dev.jgvm.core.install..", "dev.jgvm.core.mirror..", "dev.jgvm.core.verify..", "dev.jgvm.core.spi..", "dev.jgvm.core.resolve..",
                        "dev.jgvm.core.archive..", "dev.jgvm.core.bundle..", "dev.jgvm.core.plugin..")
                .check(JGVM);
    }

    @Test
    void findingPluginsNeedsOnlyTheSpi() {
        noClasses().that().resideInAPackage("dev.jgvm.core.plugin..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.jgvm.core.download..", "dev.jgvm.core.transport..", "dev.jgvm.core.store..", "dev.jgvm.core.install..",
                        "dev.jgvm.core.mirror..", "dev.jgvm.core.verify..", "dev.jgvm.core.config..")
                .check(JGVM);
    }
}
