package dev.jgvm.cli;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.jgvm.core.env.Env;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The boundaries of ARCHITECTURE.md ('Boundaries'), checked on the compiled classes of every module: the plugin SPI
 * and the plugins see only the SPI and value types; core never sees the CLI; only Env reads the process environment
 * and SettingsLoader the configuration; commands do not touch the store, HTTP or files.
 */
class ArchitectureTest {
    /** What a plugin may see of jgvm: the SPI and the value types it speaks in (DESIGN 'Plugins', ARCHITECTURE.md 'Boundaries'). */
    private static final String[] SPI_AND_VALUES = {"dev.jgvm.core.spi..", "dev.jgvm.core.version..", "dev.jgvm.core.platform..",
            "dev.jgvm.core.error..", "dev.jgvm.core.event..", "dev.jgvm.core.dist.."};

    private static final JavaClasses JGVM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))   // core's test jar, on the class path for its fixtures
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
        noClasses().that().haveFullyQualifiedName("dev.jgvm.core.plugin.PluginRegistry").should().dependOnClassesThat()
                .resideInAnyPackage("dev.jgvm.core.download..", "dev.jgvm.core.transport..", "dev.jgvm.core.store..", "dev.jgvm.core.install..",
                        "dev.jgvm.core.mirror..", "dev.jgvm.core.verify..", "dev.jgvm.core.config..")
                .check(JGVM);
    }

    @Test
    void theSpiDependsOnlyOnItselfAndValueTypes() {
        classes().that().resideInAPackage("dev.jgvm.core.spi..").should().onlyDependOnClassesThat()
                .resideInAnyPackage(with(SPI_AND_VALUES, "java..", "com.google.gson.."))
                .check(JGVM);
    }

    @Test
    void pluginsSeeOnlyTheSpiAndValueTypes() {
        classes().that().resideInAPackage("dev.jgvm.plugins..").should().onlyDependOnClassesThat()
                .resideInAnyPackage(with(SPI_AND_VALUES, "dev.jgvm.plugins..", "java..", "com.google.gson..", "org.apache.commons.compress.."))
                .check(JGVM);
    }

    @Test
    void theValuePackagesDependOnNoService() {
        classes().that().resideInAnyPackage("dev.jgvm.core.dist..", "dev.jgvm.core.version..", "dev.jgvm.core.error..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.jgvm.core.dist..", "dev.jgvm.core.version..",
                        "dev.jgvm.core.error..", "dev.jgvm.core.platform..", "java..")
                .check(JGVM);
    }

    @Test
    void coreNeverSeesTheCli() {
        noClasses().that().resideInAPackage("dev.jgvm.core..").should().dependOnClassesThat().resideInAPackage("dev.jgvm.cli..")
                .check(JGVM);
    }

    @Test
    void onlyEnvReadsTheProcessEnvironment() {
        noClasses().that().doNotHaveFullyQualifiedName(Env.class.getName())
                .should().callMethod(System.class, "getenv").orShould().callMethod(System.class, "getenv", String.class)
                .because("Env is the one view of the environment, and tests build their own (ARCHITECTURE.md, 'Where is configuration read?')")
                .check(JGVM);
    }

    @Test
    void configurationIsReadBySettingsLoaderNotByTheServicesThatUseIt() {
        noClasses().that().resideInAnyPackage("dev.jgvm.core.mirror..", "dev.jgvm.core.download..", "dev.jgvm.core.transport..",
                        "dev.jgvm.core.platform..")
                .or().haveFullyQualifiedName("dev.jgvm.cli.Main").or().haveFullyQualifiedName("dev.jgvm.cli.Services")
                .should().callMethod(Env.class, "get", String.class)
                .orShould().callMethod(Env.class, "isSet", String.class)
                .orShould().callMethod(Env.class, "vars")
                .because("variables that configure jgvm are read into Settings by SettingsLoader, and checked there")
                .check(JGVM);
    }

    /** What a command may ask the store: where things are and what is installed, nothing that changes it. */
    private static final java.util.Set<String> STORE_QUERIES = java.util.Set.of("home", "goroot", "installed", "isInstalled", "shimsDir",
            "cacheDir", "versionsDir", "globalDefault", "find", "meta");

    /**
     * Commands parse, make one core call and render: they do not change the store, download, reach the transport or
     * open files of their own (STYLE.md section 3); asking the store where something is stays allowed. No command is
     * exempt any more (ARCHITECTURE.md, 'Boundaries').
     */
    @Test
    void commandsDoNotTouchTheStoreTheNetworkOrFiles() {
        DescribedPredicate<JavaMethodCall> changesTheStore = new DescribedPredicate<>("a call that changes the store") {
            @Override public boolean test(JavaMethodCall c) {
                return c.getTargetOwner().isEquivalentTo(dev.jgvm.core.store.InstallStore.class) && !STORE_QUERIES.contains(c.getName());
            }
        };
        noClasses().that().resideInAPackage("dev.jgvm.cli.command..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.jgvm.core.download..", "dev.jgvm.core.transport..")
                .orShould().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.jgvm.core.store..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.equivalentTo(dev.jgvm.core.store.InstallStore.class))))
                .orShould().dependOnClassesThat().belongToAnyOf(java.nio.file.Files.class)
                .orShould().callMethodWhere(changesTheStore)
                .because("a command gets what it needs from a core service (STYLE.md section 3)")
                .check(JGVM);
    }

    private static String[] with(String[] base, String... more) {
        String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }
}
